import { sql } from 'kysely';
import t from 'tap';
import { openDatabase } from '../../src/storage/connect.js';
import { prepared, preparedIn } from '../../src/storage/repositories/prepared.js';
import { testDatabaseUrl } from '../helpers/app.js';

t.test('prepared queries take their parameters by name, wherever the query binds them', async (t) => {
  const { db } = await openDatabase(await testDatabaseUrl(t.testdir()));
  t.teardown(() => db.destroy());
  // The base query binds values of its own (the role code) before and after the named ones.
  const base = db.selectFrom('role').select(['name']).where('code', '!=', 'nobody');
  const named = prepared(db, (p: { code: string; name: string }) =>
    base.where('name', '=', p.name).where('code', '=', p.code).where(sql<boolean>`${'x'} = ${'x'}`).orderBy('id'),
  );
  t.same(await named({ name: 'admin', code: 'admin' }), [{ name: 'admin' }]);
  t.same(await named({ code: 'user', name: 'user' }), [{ name: 'user' }], 'in any order of the object');
  t.same(await named({ code: 'user', name: 'admin' }), []);
  const twice = prepared(db, (p: { code: string }) =>
    base.where((eb) => eb.or([eb('code', '=', p.code), eb('name', '=', p.code)])),
  );
  t.same(await twice({ code: 'user' }), [{ name: 'user' }], 'one name bound twice');

  const byIds = preparedIn(db, (codes: string[]) => base.where('code', 'in', codes).orderBy('id'));
  t.same(await byIds(['user']), [{ name: 'user' }]);
  t.same(await byIds(['user', 'admin']), [{ name: 'admin' }, { name: 'user' }]);
  t.same(await byIds(['admin']), [{ name: 'admin' }], 'a length compiled before');

  t.throws(
    () => prepared(db, (p: { limit: number }) => base.limit(Number(p.limit) || 1)),
    /parameter limit is not bound as a value/,
    'a parameter read but not bound is refused at build',
  );
});
