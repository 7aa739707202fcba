// tap coverage map: tests of real child processes (server, CLI, durability, scale-out, storage faults, build, client) measure nothing, since a
// second tsx loader's source maps break the merge.
export default (testFile) => (/(server|cli|durability|scale-out|storage-faults|build|client)\.test\.ts$/.test(testFile) ? null : []);
