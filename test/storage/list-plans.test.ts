// The plans of every list query, as the repositories send them: each is served by an index, never by a full scan
// of users, audit or login records, nor by sorting them. On PostgreSQL the tables hold enough rows (analysed) for
// the planner to choose as it would in production, and sequential scans are priced out, so that a plan with a
// Seq Scan means no index can serve the query.

import { CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import t from 'tap';
import { connect, migrate } from '../../src/storage/connect.js';
import { repositories } from '../../src/storage/repositories/index.js';
import { onPostgres, testDatabaseUrl } from '../helpers/app.js';

t.test('every list query is served by an index', async (t) => {
  const url = await testDatabaseUrl(t.testdir());
  const handle = await connect(url);
  t.teardown(() => handle.db.destroy());
  await migrate(handle);
  const users = 20_000;
  const rows = onPostgres ? `generate_series(1, ${users}) as i` : `n`;
  const cte = onPostgres ? '' : `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${users}) `;
  const pad = (width: number) =>
    onPostgres ? `lpad(i::text, ${width}, '0')` : `substr('000000000000' || i, -${width})`;
  for (const statement of [
    `${cte}insert into users (uid, username, password, status, role_id, created_at, updated_at)
     select '00000000-0000-4000-8000-' || ${pad(12)}, 'user' || ${pad(7)}, 'x', 1, 2, 't', 't' from ${rows}`,
    `${cte}insert into login_record (user_id, at, ip, user_agent, success, reason) select 1 + i % 50, 't', '', '', 0, 'ok' from ${rows}`,
    `${cte}insert into audit_log (at, action, target, detail, ip) select 't', 'user.update', 'user:1', '{}', '' from ${rows}`,
  ])
    await sql.raw(statement).execute(handle.db);
  if (onPostgres) await sql`analyze`.execute(handle.db);

  // The queries the repositories send, caught on their way to the database: built ones through a plugin, compiled
  // ones (src/storage/repositories/prepared.ts) where they are executed.
  const sent: CompiledQuery[] = [];
  const catcher: KyselyPlugin = {
    transformQuery: ({ node }) => {
      sent.push(handle.db.getExecutor().compileQuery(node, { queryId: 'plan' }));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const caught = handle.db.withPlugin(catcher);
  const db = new Proxy(caught, {
    get(target, property) {
      if (property === 'executeQuery') {
        return (query: CompiledQuery) => {
          sent.push(query);
          return target.executeQuery(query);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const repos = repositories({ ...handle, db });
  const window = { limit: 16, offset: 0 };
  const cursor = { limit: 16, offset: 0, after: 12_345 };
  const lists: Record<string, () => Promise<unknown>> = {
    'users, first page': () => repos.users.page(window),
    'users, a page deep in the window': () => repos.users.page({ limit: 16, offset: 9_984 }),
    'users, by cursor': () => repos.users.page(cursor),
    'users, keyword': () => repos.users.page(window, 'user0012'),
    'users, keyword by cursor': () => repos.users.page(cursor, 'user001'),
    // Its common trigrams (use, ser, …, 001) are not given to the index, only 12345 (searchWindow.ts).
    'users, keyword by its rare part': () => repos.users.page(window, 'user0012345'),
    'users, keyword by its rare part, by cursor': () => repos.users.page(cursor, 'user0012345'),
    // The caller with the page, in one statement (src/perf/callerReads.ts): PostgreSQL only.
    ...(onPostgres
      ? {
          'users, first page with the caller': () => repos.users.findCallerWithPage(1, 0, window),
          'users, by cursor with the caller': () => repos.users.findCallerWithPage(1, 0, cursor),
        }
      : {}),
    'roles, first page': () => repos.roles.page(window),
    'roles, keyword': () => repos.roles.page(window, 'admin'),
    'roles, by cursor': () => repos.roles.page({ ...cursor, after: 1 }),
    'audit, first page': () => repos.audit.page(window),
    'audit, by cursor': () => repos.audit.page(cursor),
    'login records, first page': () => repos.loginRecords.page(7, window),
    'login records, by cursor': () => repos.loginRecords.page(7, cursor),
  };

  const explain = async (query: CompiledQuery): Promise<string> => {
    if (!onPostgres) {
      const plan = await handle.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      return plan.rows.map((row) => row.detail).join('\n');
    }
    return handle.db.connection().execute(async (connection) => {
      await sql`set enable_seqscan = off`.execute(connection);
      const plan = await connection.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      await sql`reset enable_seqscan`.execute(connection);
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  };
  const big = /\b(users|audit_log|login_record)\b/;
  for (const [name, run] of Object.entries(lists)) {
    sent.length = 0;
    await run();
    // prepared.ts compiles a query over placeholders (objects) before it first runs it: only what runs is explained.
    const ran = (q: CompiledQuery) => q.parameters.every((value) => typeof value !== 'object' || value === null);
    for (const query of sent.filter((q) => /^select/i.test(q.sql) && ran(q))) {
      const plan = await explain(query);
      // A walk of a table in its id order that stops at the page (LIMIT, nothing filtered out) is no full scan.
      const walk = /order by ("\w+"\.)?"id"( asc| desc)? limit/i.test(query.sql) && !/\blike\b/i.test(query.sql);
      const scans = plan
        .split('\n')
        .filter(
          (line) =>
            big.test(line) &&
            (onPostgres ? /Seq Scan/.test(line) : /^SCAN (users|audit_log|login_record)\b/.test(line.trim()) && !walk),
        );
      t.same(scans, [], `${name}: no full scan\n${query.sql}\n${plan}`);
      // A trigram index finds matches in no order: PostgreSQL sorts those (the matches, not the table).
      const sorts = plan
        .split('\n')
        .filter((line) => (onPostgres ? /Sort/.test(line) && !/_trgm/.test(plan) : /TEMP B-TREE/.test(line)));
      t.same(sorts, [], `${name}: no sort of the table\n${plan}`);
    }
  }

  // PostgreSQL plans a named statement once it has a generic plan no costlier than its custom ones: a first page
  // and a cursor's page are written so that it does (firstRows, src/storage/repositories/paging.ts). On one connection
  // (pg_prepared_statements shows a session's own), each runs eight times; their statements must have gone generic.
  if (!onPostgres) return;
  const single = await connect(url, 1);
  t.teardown(() => single.db.destroy());
  const once = repositories(single);
  const planned: Record<string, () => Promise<unknown>> = {
    'users, first page': () => once.users.page(window),
    'users, by cursor': () => once.users.page(cursor),
    'users, first page with the caller': () => once.users.findCallerWithPage(1, 0, window),
    'users, by cursor with the caller': () => once.users.findCallerWithPage(1, 0, cursor),
    'roles, first page': () => once.roles.page(window),
    'audit, first page': () => once.audit.page(window),
  };
  const statements = async () =>
    (
      await sql<{
        statement: string;
        generic_plans: string;
        custom_plans: string;
      }>`select statement, generic_plans, custom_plans from pg_prepared_statements`.execute(single.db)
    ).rows;
  for (const [name, run] of Object.entries(planned)) {
    const before = new Set((await statements()).map((row) => row.statement));
    for (let i = 0; i < 8; i++) await run();
    const lists = (await statements()).filter((row) => !before.has(row.statement) && /\blimit\b/i.test(row.statement));
    t.ok(lists.length > 0, `${name}: its statements are named`);
    for (const row of lists)
      t.ok(
        Number(row.generic_plans) > 0,
        `${name}: planned once (${row.generic_plans} generic, ${row.custom_plans} custom plans)\n${row.statement}`,
      );
  }
  // A keyword search's plan depends on the keyword (a rare one wants the trigram index, a common one the id order):
  // its statements are planned at every run, whatever ran on the connection before. Two-letter keywords, which no
  // index serves, once made the generic plan (an id-order walk) look cheap to the rare keywords after them.
  const beforeSearches = new Set((await statements()).map((row) => row.statement));
  for (let i = 0; i < 8; i++) t.equal((await once.users.page(window, 'zq')).total, 0);
  for (let i = 0; i < 8; i++) t.equal((await once.users.page(cursor, 'zq')).total, 0);
  t.equal((await once.users.page(window, '12345')).total, 1, 'a rare keyword after them: found');
  const searches = (await statements()).filter(
    (row) => !beforeSearches.has(row.statement) && /\bsearch_name\b/.test(row.statement),
  );
  t.same(
    searches.map((row) => row.statement),
    [],
    'keyword searches: no named statement, so none planned generically',
  );
  // The control: a page after an OFFSET, its LIMIT a parameter, is planned at every run. When this fails,
  // PostgreSQL prices such a LIMIT by its value, and firstRows can go.
  const before = new Set((await statements()).map((row) => row.statement));
  for (let i = 0; i < 8; i++) await once.users.page({ limit: 16, offset: 32 });
  const offsetPages = (await statements()).filter(
    (row) => !before.has(row.statement) && /\boffset\b/i.test(row.statement),
  );
  t.same(
    offsetPages.map((row) => Number(row.generic_plans)),
    [0],
    'a page after an OFFSET: planned at every run',
  );
});
