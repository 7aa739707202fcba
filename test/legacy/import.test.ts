// import-legacy's parts in process: reading mysqldump INSERTs, naming roles, and the import's report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { dumpRows, tuples } from '../../src/legacy/dump.js';
import { importLegacy, roleCode } from '../../src/legacy/import.js';
import { connect } from '../../src/storage/connect.js';
import { repositories } from '../../src/storage/repositories/index.js';
import { startApp } from '../helpers/app.js';
import { dump } from '../helpers/legacy.js';

t.test('tuples: MySQL string escapes, doubled quotes, NULL, numbers, _binary', async (t) => {
  t.same(
    [...tuples("(1,'a\\'b\\\\c\\nd','it''s',NULL,-2.5,_binary 'x'),(2,'',0);")],
    [
      [1, "a'b\\c\nd", "it's", null, -2.5, 'x'],
      [2, '', 0],
    ],
  );
  t.throws(() => [...tuples("(1,'open")], /unreadable INSERT .*unterminated string/);
  t.throws(() => [...tuples('(1,now())')], /unreadable INSERT/);
  t.same(
    ['admin', 'auditor', 'r-2nd-line', 'legacy-role-7'].map(
      (code, k) => code === roleCode(['admin', 'Auditor', '2nd line', '***'][k]!, 7),
    ),
    [true, true, true, true],
  );
});

t.test('importLegacy in process: the report, and progress every 1000 users', async (t) => {
  const app = await startApp(t);
  const file = join(app.dir, 'cloud.sql');
  writeFileSync(file, dump(1000));
  const database = await connect(app.config.databaseUrl, 1);
  t.teardown(() => database.db.destroy());
  const progress: number[] = [];
  const report = await importLegacy(repositories(database), dumpRows(file, 'role'), dumpRows(file, 'users'), (n) =>
    progress.push(n),
  );
  t.same(report, {
    rolesCreated: ['auditor'],
    imported: 1005,
    skipped: { 'deleted in the original': 1, 'password is not a bcrypt hash': 1, 'uid already taken': 1 },
  });
  t.same(progress, [1000]);
});
