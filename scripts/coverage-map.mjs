// tap coverage map: tests of real child processes (server, CLI, durability, scale-out, storage faults) measure nothing, since a
// second tsx loader's source maps break the merge.
export default (testFile) => (/(server|cli|durability|scale-out|storage-faults)\.test\.ts$/.test(testFile) ? null : []);
