// Speed trick (PostgreSQL round trips): Kysely sends every query as an unnamed statement, which PostgreSQL parses
// and plans anew each time. Given a name, a statement text is parsed once per connection and, after a few runs,
// planned once too (PostgreSQL's plan cache). Guarded by test/storage/list-plans.test.ts; measured with
// `npm run bench:scale` (README, "At a million users"). Remove when Kysely names its statements, or pg prepares
// them on its own.
import { sql } from 'kysely';
import type pg from 'pg';

const eachRun = '/* planned at each run */';
/**
 * Appended to a query whose best plan depends on its values, it is sent unnamed, and so planned with them at every
 * run. A keyword search is one: a rare keyword wants the trigram index, a common one the id order, and the generic
 * plan (a LIKE pattern priced at a guess) walks every user in id order (test/storage/list-plans.test.ts).
 */
export const plannedEachRun = sql.raw(eachRun);

// Statement texts named per process, at most: a text beyond them runs unnamed, so a bug that puts values into the
// text cannot fill every connection with prepared statements.
const maxNamed = 500;
const names = new Map<string, string>();
// Texts whose cached plan went stale (another instance's migration changed a table's columns under a `select *`):
// unnamed from then on, in this process.
const stale = new Set<string>();
const plannable = /^\s*(select|insert|update|delete|with)\b/i;

function nameOf(text: string): string | undefined {
  if (stale.has(text) || !plannable.test(text) || text.endsWith(eachRun)) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < maxNamed) {
    name = `cms_${names.size}`;
    names.set(text, name);
  }
  return name;
}

type Query = (text: unknown, values?: unknown) => Promise<pg.QueryResult>;

/** Sends the queries Kysely makes on `client` (a text and its parameters) as named statements. */
export function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const named: Query = async (text, values) => {
    const name = typeof text === 'string' && Array.isArray(values) ? nameOf(text) : undefined;
    if (name === undefined) return query(text, values);
    try {
      return await query({ name, text, values });
    } catch (error) {
      // 0A000: "cached plan must not change result type". Inside a transaction the retry fails too, and the
      // transaction's own error handling answers.
      if ((error as { code?: unknown }).code !== '0A000') throw error;
      stale.add(text as string);
      return query(text, values);
    }
  };
  client.query = named as typeof client.query;
}
