// Retention: audit entries and login records older than their settings go, in batches; the rest, and the counts
// the lists answer, stay exact. Expired sessions and access tokens go at once.
import t, { type Test } from 'tap';
import { connect } from '../../src/storage/connect.js';
import { repositories } from '../../src/storage/repositories/index.js';
import { prune } from '../../src/storage/retention.js';
import { onPostgres, startApp } from '../helpers/app.js';

/** An app, its repositories on a connection of their own, and a registered user, keeper. */
async function setup(t: Test) {
  const app = await startApp(t);
  const database = await connect(app.config.databaseUrl, 1);
  t.teardown(() => database.db.destroy());
  await app.register('keeper', 'keeper-password');
  const { id } = await app.one<{ id: number }>("select id from users where username = 'keeper'");
  return { app, services: repositories(database), id };
}

/** A row source of 1 … n, on either database. */
const numbers = (n: number) =>
  onPostgres
    ? `generate_series(1, ${n})`
    : `(with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n}) select i from n)`;

t.test('old audit entries and login records are removed in batches; the counts follow', async (t) => {
  const { app, services, id } = await setup(t);
  // 1,200 old rows of each (more than two batches), written years ago; then today's.
  const old = 1_200;
  const series = numbers(old);
  await app.query(
    `insert into audit_log (at, action, target, detail, ip) select '2001-01-01T00:00:00.000Z', 'user.update', 'user:1', '{}', '' from ${series} as s`,
  );
  await app.query(
    `insert into login_record (user_id, at, ip, user_agent, success, reason) select ?, '2001-01-01T00:00:00.000Z', '', '', 0, 'ok' from ${series} as s`,
    id,
  );
  await app.login('keeper', 'keeper-password');
  await services.audit.record({ actor: null, action: 'settings.update', target: 'settings', detail: {}, ip: '' });
  await services.settings.updateSecurity({ auditRetentionDays: 30, loginRecordRetentionDays: 0 });

  const count = async (table: string) => Number((await app.one<{ n: number }>(`select count(*) as n from ${table}`)).n);
  const kept = async (name: string) =>
    Number((await app.one<{ n: number }>('select n from row_count where name = ?', name)).n);
  t.same(
    await prune(services),
    { audit: old, loginRecords: 0, sessions: 0, accessTokens: 0 },
    'login records are kept: their retention is 0',
  );
  t.same(
    [await count('audit_log'), await kept('audit_log')],
    [1, 1],
    "today's audit entry stays, and the count follows",
  );
  t.equal(await count('login_record'), old + 1);

  await services.settings.updateSecurity({ loginRecordRetentionDays: 1 });
  t.same(await prune(services), { audit: 0, loginRecords: old, sessions: 0, accessTokens: 0 });
  t.same(
    [await count('login_record'), await kept(`login_record:${id}`)],
    [1, 1],
    "today's login record stays, and the count follows",
  );
  t.same(await prune(services), { audit: 0, loginRecords: 0, sessions: 0, accessTokens: 0 }, 'nothing more to remove');
});

t.test('expired sessions and access tokens are removed, in batches; live ones stay', async (t) => {
  const { app, services, id } = await setup(t);
  await app.login('keeper', 'keeper-password');
  const expired = 700;
  const series = numbers(expired);
  await app.query(
    `insert into session (user_id, token_version, created_at, last_used_at, expires_at, ip, user_agent) select ?, 0, '2001-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z', '2001-01-08T00:00:00.000Z', '', '' from ${series} as s`,
    id,
  );
  await app.query(
    `insert into access_token (user_id, name, hash, scopes, created_at, expires_at) select ?, 'old', 'expired-' || row_number() over (), '[]', '2001-01-01T00:00:00.000Z', '2001-01-08T00:00:00.000Z' from ${series} as s`,
    id,
  );
  const token = (await app.login('keeper', 'keeper-password')).json.data.token as string;
  await app.accessTokenFor(token);
  t.same(await prune(services), { audit: 0, loginRecords: 0, sessions: expired, accessTokens: expired });
  const count = async (table: string) => Number((await app.one<{ n: number }>(`select count(*) as n from ${table}`)).n);
  t.equal(await count('session'), 2, "the logins' sessions stay");
  t.equal(await count('access_token'), 1, 'the unexpired access token stays');
});
