// Which part of a keyword the trigram indexes are given (src/perf/searchWindow.ts); that the answers stay
// those of the whole keyword is tested in test/operations/lists.test.ts.
import t from 'tap';
import { estimate, searchWindow, trigramEstimates, trigramsOf } from '../../src/perf/searchWindow.js';

t.test('trigrams are lower-cased and counted by code point', async (t) => {
  t.same(trigramsOf('UsEr1'), ['use', 'ser', 'er1']);
  t.same(trigramsOf('ab'), []);
  t.same(trigramsOf('a😀bc'), ['a😀b', '😀bc']);
});

t.test('a share is of the names sampled, each name counted once per trigram', async (t) => {
  const shares = estimate(['aaaa', 'abc', 'xyz', 'xyzabc']);
  t.equal(shares.get('aaa'), 0.25);
  t.equal(shares.get('abc'), 0.5);
  t.equal(shares.get('bcx'), undefined);
  t.same(estimate([]), new Map());
});

t.test('the window is the longest run of rare trigrams; the whole keyword when all or none are rare', async (t) => {
  const shares = new Map([
    ['use', 1],
    ['ser', 1],
    ['er0', 1],
    ['r00', 0.1],
    ['000', 0.05],
    ['007', 0.01],
    ['077', 0.01],
    ['777', 0.004],
    ['770', 0.3],
  ]);
  t.equal(searchWindow('user0000777', shares), '00777');
  t.equal(searchWindow('USER0000777', shares), '00777', 'taken from the keyword as sent');
  t.equal(searchWindow('77707', shares), '777', 'of runs as long, the first');
  t.equal(searchWindow('7077707', shares), '70777', 'a trigram the sample never saw is rare');
  t.equal(searchWindow('user', shares), 'user', 'none rare');
  t.equal(searchWindow('0777', shares), '0777', 'all rare');
  t.equal(searchWindow('qqqq', new Map()), 'qqqq');
  t.equal(searchWindow('ÄSER0000777', shares), 'ÄSER0000777', 'beyond ASCII, whole');
});

t.test('an estimate is sampled once, kept ten minutes, then replaced in the background', async (t) => {
  let now = 0;
  let samples = 0;
  let fail = false;
  const estimates = trigramEstimates(
    async () => {
      samples++;
      if (fail) throw new Error('database unavailable');
      return new Map([['abc', samples]]);
    },
    () => now,
  );
  const [a, b] = await Promise.all([estimates(), estimates()]);
  t.equal(a, b, 'concurrent first searches share one sample');
  t.equal(samples, 1);
  now = 9 * 60_000;
  t.equal((await estimates()).get('abc'), 1, 'kept');
  now = 11 * 60_000;
  t.equal((await estimates()).get('abc'), 1, 'stale: still answered at once');
  await new Promise((resolve) => setImmediate(resolve));
  t.equal((await estimates()).get('abc'), 2, 'then replaced');
  now = 30 * 60_000;
  fail = true;
  t.equal((await estimates()).get('abc'), 2, 'a failed refresh keeps the old estimate');
  await new Promise((resolve) => setImmediate(resolve));
  fail = false;
  t.equal((await estimates()).get('abc'), 2);
  await new Promise((resolve) => setImmediate(resolve));
  t.equal((await estimates()).get('abc'), 4, 'and the next search tries again');
});
