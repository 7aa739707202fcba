// import-legacy: the original system's roles and users from a mysqldump, as an operator runs it (the CLI in a
// child process), then checked through the API: bcrypt passwords log in and become argon2id.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import t from 'tap';
import { dumpRows, tuples } from '../src/legacyDump.js';
import { importLegacy, roleCode } from '../src/legacyImport.js';
import { repositories } from '../src/services.js';
import { connect } from '../src/db.js';
import mysql from 'mysql2/promise';
import { mariadbInstalled, startTestMysql } from '../scripts/mysql.js';
import { admin, startApp } from './helpers/app.js';

const root = new URL('..', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli.ts`, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

const hash = (password: string) => bcrypt.hashSync(password, 4);
const at = "'2024-06-09 10:00:00.000'";

/** A dump as mysqldump 8 writes it, of the original's `role` and `users` tables. */
function dump(bulk: number): string {
  const shared = hash('bulk-password');
  const many = Array.from({ length: bulk }, (_, k) => `(${100 + k},${at},${at},NULL,'bulk-uid-${k}','bulk${k}','${shared}',1,2)`).join(',');
  return `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: cloud
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;

--
-- Table structure for table \`role\`
--

DROP TABLE IF EXISTS \`role\`;
CREATE TABLE \`role\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`created_at\` datetime(3) DEFAULT NULL,
  \`updated_at\` datetime(3) DEFAULT NULL,
  \`deleted_at\` datetime(3) DEFAULT NULL,
  \`name\` varchar(64) DEFAULT NULL COMMENT 'role name',
  \`desc\` varchar(255) DEFAULT NULL COMMENT 'role description',
  \`permission_id\` int DEFAULT NULL COMMENT 'Permission id Foreign key',
  PRIMARY KEY (\`id\`),
  KEY \`idx_role_deleted_at\` (\`deleted_at\`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES \`role\` WRITE;
/*!40000 ALTER TABLE \`role\` DISABLE KEYS */;
INSERT INTO \`role\` VALUES (1,${at},${at},NULL,'admin','Administrator',1),(2,${at},${at},NULL,'user','Ordinary user',2),(3,${at},${at},NULL,'Auditor','Reads the \\'audit\\' log',3),(4,${at},${at},${at},'Old','gone',4);
/*!40000 ALTER TABLE \`role\` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`created_at\` datetime(3) DEFAULT NULL,
  \`updated_at\` datetime(3) DEFAULT NULL,
  \`deleted_at\` datetime(3) DEFAULT NULL,
  \`uid\` varchar(64) DEFAULT NULL COMMENT 'user uid',
  \`username\` varchar(64) DEFAULT NULL COMMENT 'user name',
  \`password\` varchar(255) DEFAULT NULL COMMENT 'user password',
  \`status\` tinyint DEFAULT NULL COMMENT 'user status(enable/disable)',
  \`role_id\` bigint unsigned DEFAULT NULL COMMENT 'role foreign id',
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB AUTO_INCREMENT=3000 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES \`users\` WRITE;
INSERT INTO \`users\` VALUES (1,'2023-01-02 03:04:05.678',${at},NULL,'9b2f4a5e-legacy','tester3','${hash('admin123')}',1,1),(2,${at},${at},NULL,'uid-2','o\\'brien','${hash('obrien-password')}',1,3),(3,${at},${at},NULL,'uid-3','sleepy','${hash('sleepy-password')}',2,2),(4,${at},${at},${at},'uid-4','gone','${hash('gone-password')}',1,2),(5,${at},${at},NULL,'uid-5','plain','admin123',1,2),(6,${at},${at},NULL,'uid-6','${admin.username}','${hash('x')}',1,1),(7,${at},${at},NULL,NULL,'Zoë','${hash('zoe-password')}',1,9),(8,${at},${at},NULL,'uid-2','twin','${hash('twin-password')}',1,2);
INSERT INTO \`users\` VALUES ${many};
UNLOCK TABLES;
`;
}

t.test('tuples: MySQL string escapes, doubled quotes, NULL, numbers, _binary', async (t) => {
  t.same([...tuples("(1,'a\\'b\\\\c\\nd','it''s',NULL,-2.5,_binary 'x'),(2,'',0);")], [
    [1, "a'b\\c\nd", "it's", null, -2.5, 'x'],
    [2, '', 0],
  ]);
  t.throws(() => [...tuples("(1,'open")], /unreadable INSERT .*unterminated string/);
  t.throws(() => [...tuples('(1,now())')], /unreadable INSERT/);
  t.same(['admin', 'auditor', 'r-2nd-line', 'legacy-role-7'].map((code, k) => code === roleCode(['admin', 'Auditor', '2nd line', '***'][k]!, 7)), [true, true, true, true]);
});

t.test('import-legacy: roles and users of a mysqldump; bcrypt logs in and becomes argon2id; again imports nothing', async (t) => {
  const app = await startApp(t, { admin });
  await app.adminToken();
  const file = join(app.dir, 'cloud.sql');
  writeFileSync(file, dump(2000));
  const env = { DATABASE_URL: app.config.databaseUrl };

  const first = await cli(['import-legacy', file], env);
  t.equal(first.code, 0, first.err);
  t.equal(first.out, 'imported 2004 users; roles created: auditor; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 1 user name already taken\n');
  t.equal(first.err, 'imported 1000 users...\nimported 2000 users...\n', 'progress on standard error');

  const tester = await app.login('tester3', 'admin123');
  t.match(tester.json, { errCode: 1000, data: { role: { code: 'admin' } } }, 'a bcrypt password logs in, with the role it had');
  const stored = await app.one<{ password: string; uid: string; created_at: string }>('select password, uid, created_at from users where username = ?', 'tester3');
  t.match(stored, { password: /^\$argon2id\$/, uid: '9b2f4a5e-legacy', created_at: '2023-01-02T03:04:05.678Z' }, 'rehashed with argon2id at that login; uid and dates kept');
  t.match((await app.login("o'brien", 'obrien-password')).json, { errCode: 1000, data: { role: { code: 'auditor', permissions: [] } } }, 'a role of its own, granting nothing until an administrator says');
  t.equal((await app.login('sleepy', 'sleepy-password')).json.errCode, 1007, 'disabled stays disabled');
  t.match((await app.login('Zoë', 'zoe-password')).json, { errCode: 1000, data: { role: { code: 'user' } } }, 'an unknown role becomes user');
  t.equal((await app.login('bulk1999', 'bulk-password')).json.errCode, 1000);
  t.equal((await app.login('gone', 'gone-password')).json.errCode, 1003, 'deleted users are not imported');
  const audit = await app.call({ url: '/api/v1/audit', headers: { token: await app.adminToken() } });
  t.match(audit.json.data.items[0], { action: 'user.import', target: 'legacy', actor: null });

  const again = await cli(['import-legacy', file], env);
  t.match(again, { code: 0, out: /^imported 0 users; roles created: none; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 2005 user name already taken\n$/ });
});

const mysqlSkip = mariadbInstalled() || process.env.REQUIRE_MYSQL ? false : 'MariaDB is not installed (.ci/run installs it)';

t.test('import-legacy from the original database itself (mysql://, a MariaDB server loaded with the same dump)', { skip: mysqlSkip }, async (t) => {
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
  t.equal(imported.out, 'imported 1204 users; roles created: auditor; skipped: 1 deleted in the original, 1 password is not a bcrypt hash, 1 uid already taken, 1 user name already taken\n');
  t.match((await app.login('tester3', 'admin123')).json, { errCode: 1000, data: { role: { code: 'admin' } } });
  t.match((await app.login("o'brien", 'obrien-password')).json, { errCode: 1000, data: { role: { code: 'auditor' } } });
  t.match(await app.one('select uid, created_at from users where username = ?', 'tester3'), { uid: '9b2f4a5e-legacy', created_at: '2023-01-02T03:04:05.678Z' });

  const refused = await cli(['import-legacy', `${server.url.replace(/:\d+\//, ':1/')}cloud`], { DATABASE_URL: app.config.databaseUrl });
  t.match(refused, { code: 1, err: /^failed: .*ECONNREFUSED.*\n$/ }, 'a server that is not there: one line, exit 1');
});

t.test('importLegacy in process: the report, and progress every 1000 users', async (t) => {
  const app = await startApp(t);
  const file = join(app.dir, 'cloud.sql');
  writeFileSync(file, dump(1000));
  const database = connect(app.config.databaseUrl, 1);
  t.teardown(() => database.db.destroy());
  const progress: number[] = [];
  const report = await importLegacy(repositories(database), dumpRows(file, 'role'), dumpRows(file, 'users'), (n) => progress.push(n));
  t.same(report, { rolesCreated: ['auditor'], imported: 1005, skipped: { 'deleted in the original': 1, 'password is not a bcrypt hash': 1, 'uid already taken': 1 } });
  t.same(progress, [1000]);
});

t.test('import-legacy: usage, a missing file, an unreadable dump', async (t) => {
  const app = await startApp(t);
  const env = { DATABASE_URL: app.config.databaseUrl };
  t.match(await cli(['import-legacy'], env), { code: 2, err: /usage: cms <command>/ });
  t.match(await cli(['import-legacy', join(app.dir, 'nope.sql')], env), { code: 1, err: /^no such file: .*nope\.sql\n$/ });
  const broken = join(app.dir, 'broken.sql');
  writeFileSync(broken, 'CREATE TABLE `users` (\n  `id` int,\n  `username` varchar(64)\n);\nINSERT INTO `users` VALUES (1,\'open);\n');
  t.match(await cli(['import-legacy', broken], env), { code: 1, err: /^failed: unreadable INSERT near .*: unterminated string\n$/ });
});
