// The SQLite reader thread (src/storage/sqliteReader.ts): reads aside answer what the server's own connection would, see
// what it committed, report SQLite's errors by code, bound their queue, and survive the thread's end.

import { CompiledQuery, sql } from 'kysely';
import t from 'tap';
import { openDatabase, pageCacheKib } from '../../src/storage/connect.js';
import { Saturated } from '../../src/storage/limiter.js';
import { sqliteReader } from '../../src/storage/sqliteReader.js';
import { onPostgres } from '../helpers/app.js';

t.test('reads aside on a thread of their own', { skip: onPostgres ? 'SQLite only' : false }, async (t) => {
  const path = `${t.testdir()}/cms.db`;
  const handle = await openDatabase(`sqlite:${path}`);
  t.teardown(() => handle.db.destroy());
  await sql`insert into settings (key, value, updated_at) values ('a', '1', 't'), ('b', '2', 't')`.execute(handle.db);
  const keys = handle.db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['a', 'b']).orderBy('key');
  t.same(await handle.readAside(keys), await keys.execute(), 'the same rows as the main connection');
  await sql`update settings set value = '3' where key = 'a'`.execute(handle.db);
  t.same((await handle.readAside(keys))[0], { key: 'a', value: '3' }, 'a committed write is seen at once');

  const pageCache = CompiledQuery.raw('pragma cache_size');
  t.same(
    await handle.readAside({ compile: () => pageCache }),
    [{ cache_size: -pageCacheKib }],
    "the readers' page cache is bounded",
  );
  t.same(
    await sql`pragma cache_size`.execute(handle.db).then((r) => r.rows),
    [{ cache_size: -pageCacheKib }],
    "and the server's own connection's",
  );

  const reader = sqliteReader(path, 100, 2048, 1);
  t.teardown(() => reader.close());
  await t.rejects(
    reader.all(CompiledQuery.raw('select * from no_such_table')),
    { code: 'SQLITE_ERROR' },
    'SQLite errors keep their code',
  );
  await t.rejects(
    reader.all(CompiledQuery.raw("insert into settings (key, value, updated_at) values ('c', '', '') returning key")),
    { code: 'SQLITE_READONLY' },
    'and it cannot write',
  );
  const burst = await Promise.allSettled(
    Array.from({ length: 6 }, () => reader.all(CompiledQuery.raw('select count(*) as n from settings'))),
  );
  t.ok(
    burst.some((r) => r.status === 'rejected' && r.reason instanceof Saturated),
    'beyond its queue, Saturated (503 busy)',
  );
  t.ok(burst.some((r) => r.status === 'fulfilled'));
  await reader.close();
  t.same(
    await reader.all(CompiledQuery.raw('select 1 as one')),
    [{ one: 1 }],
    'a closed reader starts a new thread when asked again',
  );
});

t.test(
  'a read on the scan lane does not hold up other reads aside',
  { skip: onPostgres ? 'SQLite only' : false },
  async (t) => {
    const handle = await openDatabase(`sqlite:${t.testdir()}/cms.db`);
    t.teardown(() => handle.db.destroy());
    // A read that takes its thread for a while (ten million steps of a recursive query), as a short keyword's scan
    // of a large table would.
    const long = handle.db
      .withRecursive('c(i)', (db) =>
        db
          .selectNoFrom(sql<number>`1`.as('i'))
          .unionAll(db.selectFrom('c').select(sql<number>`i + 1`.as('i')).where('i', '<', 10_000_000)),
      )
      .selectFrom('c')
      .select((eb) => eb.fn.countAll<number>().as('n'));
    let scanned = false;
    const scan = handle.readAside(long, 'scan').then((rows) => {
      scanned = true;
      return rows;
    });
    await handle.readAside(handle.db.selectFrom('settings').select('key').limit(1));
    t.equal(scanned, false, 'an ordinary read answered while the scan still ran');
    t.same(await scan, [{ n: 10_000_000 }]);
  },
);
