// import-legacy: the original system's roles and users from a mysqldump, as an operator runs it (the CLI in a
// child process), then checked through the API: bcrypt passwords log in and become argon2id.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import t from 'tap';
import { mariadbInstalled, startTestMysql } from '../../scripts/mysql.js';
import { admin, startApp } from '../helpers/app.js';
import { cli } from '../helpers/cli.js';
import { dump } from '../helpers/legacy.js';

t.test(
  'import-legacy: roles and users of a mysqldump; bcrypt logs in and becomes argon2id; again imports nothing',
  async (t) => {
    const app = await startApp(t, { admin });
    await app.adminToken();
    const file = join(app.dir, 'cloud.sql');
    writeFileSync(file, dump(2000));
    const env = { DATABASE_URL: app.config.databaseUrl };

    const first = await cli(['import-legacy', file], env);
    t.equal(first.code, 0, first.err);
    t.equal(
      first.out,
      'imported 2004 users; roles created: auditor; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 1 user name already taken\n',
    );
    t.equal(first.err, 'imported 1000 users...\nimported 2000 users...\n', 'progress on standard error');

    const tester = await app.login('tester3', 'admin123');
    t.match(
      tester.json,
      { errCode: 1000, data: { role: { code: 'admin' } } },
      'a bcrypt password logs in, with the role it had',
    );
    const stored = await app.one<{ password: string; uid: string; created_at: string }>(
      'select password, uid, created_at from users where username = ?',
      'tester3',
    );
    t.match(
      stored,
      { password: /^\$argon2id\$/, uid: '9b2f4a5e-legacy', created_at: '2023-01-02T03:04:05.678Z' },
      'rehashed with argon2id at that login; uid and dates kept',
    );
    t.match(
      (await app.login("o'brien", 'obrien-password')).json,
      { errCode: 1000, data: { role: { code: 'auditor', permissions: [] } } },
      'a role of its own, granting nothing until an administrator says',
    );
    t.equal((await app.login('sleepy', 'sleepy-password')).json.errCode, 1007, 'disabled stays disabled');
    t.match(
      (await app.login('Zoë', 'zoe-password')).json,
      { errCode: 1000, data: { role: { code: 'user' } } },
      'an unknown role becomes user',
    );
    t.equal((await app.login('bulk1999', 'bulk-password')).json.errCode, 1000);
    t.equal((await app.login('gone', 'gone-password')).json.errCode, 1003, 'deleted users are not imported');
    const audit = await app.call({ url: '/api/v1/audit', headers: { token: await app.adminToken() } });
    t.match(audit.json.data.items[0], { action: 'user.import', target: 'legacy', actor: null });

    const again = await cli(['import-legacy', file], env);
    t.match(again, {
      code: 0,
      out: /^imported 0 users; roles created: none; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 2005 user name already taken\n$/,
    });
  },
);

const mysqlSkip =
  mariadbInstalled() || process.env.REQUIRE_MYSQL ? false : 'MariaDB is not installed (.ci/run installs it)';

t.test(
  'import-legacy from the original database itself (mysql://, a MariaDB server loaded with the same dump)',
  { skip: mysqlSkip },
  async (t) => {
    const server = await startTestMysql();
    t.teardown(() => server.destroy());
    const loader = await mysql.createConnection({ uri: server.url, multipleStatements: true });
    await loader.query('create database cloud; use cloud;');
    // MariaDB stands in for MySQL 8 here and does not know MySQL 8's default collation.
    await loader.query(dump(1200).replaceAll('utf8mb4_0900_ai_ci', 'utf8mb4_general_ci'));
    await loader.end();
    const app = await startApp(t, { admin });
    await app.adminToken();

    const imported = await cli(['import-legacy', `${server.url}cloud`], { DATABASE_URL: app.config.databaseUrl });
    t.match(imported, { code: 0, err: 'imported 1000 users...\n' });
    t.equal(
      imported.out,
      'imported 1204 users; roles created: auditor; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 1 user name already taken\n',
    );
    t.match((await app.login('tester3', 'admin123')).json, { errCode: 1000, data: { role: { code: 'admin' } } });
    t.match((await app.login("o'brien", 'obrien-password')).json, {
      errCode: 1000,
      data: { role: { code: 'auditor' } },
    });
    t.match(await app.one('select uid, created_at from users where username = ?', 'tester3'), {
      uid: '9b2f4a5e-legacy',
      created_at: '2023-01-02T03:04:05.678Z',
    });

    const refused = await cli(['import-legacy', `${server.url.replace(/:\d+\//, ':1/')}cloud`], {
      DATABASE_URL: app.config.databaseUrl,
    });
    t.match(refused, { code: 1, err: /^failed: .*ECONNREFUSED.*\n$/ }, 'a server that is not there: one line, exit 1');
  },
);

t.test('import-legacy: usage, a missing file, an unreadable dump', async (t) => {
  const app = await startApp(t);
  const env = { DATABASE_URL: app.config.databaseUrl };
  t.match(await cli(['import-legacy'], env), { code: 2, err: /missing <source>\nusage: cms import-legacy/ });
  t.match(await cli(['import-legacy', join(app.dir, 'nope.sql')], env), {
    code: 1,
    err: /^no such file: .*nope\.sql\n$/,
  });
  const broken = join(app.dir, 'broken.sql');
  writeFileSync(
    broken,
    "CREATE TABLE `users` (\n  `id` int,\n  `username` varchar(64)\n);\nINSERT INTO `users` VALUES (1,'open);\n",
  );
  t.match(await cli(['import-legacy', broken], env), {
    code: 1,
    err: /^failed: unreadable INSERT near .*: unterminated string\n$/,
  });
});
