// tap coverage map: tests of real child processes (server, CLI) measure nothing, since a second tsx loader's
// source maps break the merge.
export default (testFile) => (/(server|cli)\.test\.ts$/.test(testFile) ? null : []);
