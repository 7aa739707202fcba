// tap coverage map: the real-process tests measure nothing, since a second tsx loader's source maps break the merge.
export default (testFile) => (testFile.endsWith('server.test.ts') ? null : []);
