// Speed trick (keyword search at a million users). SQLite's FTS5 and PostgreSQL's pg_trgm read the index entries of
// every trigram of a keyword, and in a real table some trigrams are in nearly every name (`use`, `ser` in
// user0000777): a one-match search read a million entries several times over. Here the index is given only the
// longest run of the keyword's rare trigrams (the window), and the rows it finds are checked for the whole keyword.
// Which trigrams are rare is estimated from a random sample of names, taken aside and kept for ten minutes: the
// estimate steers only the speed, never which rows match. Measured with `npm run bench:scale` (README, "At a
// million users"). Remove it when both indexes skip frequent trigrams themselves.

/** A trigram in more than this share of the names (estimated) is not worth reading from the index. */
const rareShare = 0.02;
/** Ids drawn for an estimate, and how long one is kept. */
export const sampleSize = 2000;
const keptFor = 10 * 60_000;

/** The trigrams of `text` as both indexes see them: lower-cased, by code point. */
export function trigramsOf(text: string): string[] {
  const chars = [...text.toLowerCase()];
  return chars.slice(2).map((_, i) => chars.slice(i, i + 3).join(''));
}

/** The share of names that hold each trigram, estimated from a sample of `names`. */
export function estimate(names: string[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const name of names)
    for (const trigram of new Set(trigramsOf(name))) shares.set(trigram, (shares.get(trigram) ?? 0) + 1);
  for (const [trigram, hits] of shares) shares.set(trigram, hits / names.length);
  return shares;
}

/**
 * The part of `keyword` to look up in the index: the longest run of its rare trigrams, or the whole keyword when
 * every trigram is rare, or none is (a keyword made of frequent trigrams matches many names, and the first page
 * of them is near). A keyword beyond ASCII is looked up whole: the check of the whole keyword lower-cases as
 * SQLite's lower() does, ASCII only, where the trigram tokenizer folds every case.
 */
export function searchWindow(keyword: string, shares: Map<string, number>): string {
  if (!/^\p{ASCII}*$/u.test(keyword)) return keyword;
  const trigrams = trigramsOf(keyword);
  let best = { start: 0, length: 0 };
  for (let start = 0, i = 0; i <= trigrams.length; i++) {
    if (i < trigrams.length && (shares.get(trigrams[i]!) ?? 0) <= rareShare) continue;
    if (i - start > best.length) best = { start, length: i - start };
    start = i + 1;
  }
  if (best.length === 0 || best.length === trigrams.length) return keyword;
  return [...keyword].slice(best.start, best.start + best.length + 2).join('');
}

/** Estimates kept for ten minutes; a stale one is used while its successor is sampled. */
export function trigramEstimates(
  sample: () => Promise<Map<string, number>>,
  clock = Date.now,
): () => Promise<Map<string, number>> {
  let current: { shares: Map<string, number>; at: number } | undefined;
  let pending: Promise<Map<string, number>> | undefined;
  const refresh = () => {
    pending ??= sample().then(
      (shares) => {
        current = { shares, at: clock() };
        pending = undefined;
        return shares;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return async () => {
    if (!current) return refresh();
    if (clock() - current.at > keptFor) refresh().catch(() => {}); // the next search tries again
    return current.shares;
  };
}
