// tap coverage map: tests that run the server or the CLI as real child processes (server, CLI, durability,
// scale-out, storage faults, build, client, browsers, the spec gate, import-legacy) measure nothing, since a second tsx
// loader's source maps break the merge.
export default (testFile) =>
  /(^|\/)(server|cli|cli-accounts|cli-tokens|durability|scale-out|storage-faults|build|client|docs-browser|console-browser|screenshots|spec-breaking|import-cli)\.test\.ts$/.test(
    testFile,
  )
    ? null
    : [];
