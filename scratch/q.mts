import { openDatabase } from '../src/db.ts';
import { usersRepository } from '../src/repositories/users.ts';
const db = await openDatabase(`sqlite:/tmp/bt/q-${Date.now()}.db`);
const users = usersRepository(db);
const now = new Date().toISOString();
for (let i = 0; i < 30; i++) await users.create({ uid: crypto.randomUUID(), username: `u${i}`, password: 'x', status: 1, role_id: 2, created_at: now, updated_at: now });
async function time(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 2000; i++) await f();
  const n = 20000; const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name, ((performance.now() - t) * 1000 / n).toFixed(1), 'µs');
}
await time('findById', () => users.findById(1));
await time('page', () => users.page({ offset: 0, limit: 15 }));
await time('existsByUsername', () => users.existsByUsername('u3'));
const sqlite = (await import('better-sqlite3')).default;
await db.destroy();
const db2 = await openDatabase(`sqlite:/tmp/bt/q2-${Date.now()}.db`);
const users2 = usersRepository(db2);
for (let i = 0; i < 30; i++) await users2.create({ uid: crypto.randomUUID(), username: `u${i}`, password: 'x', status: 1, role_id: 2, created_at: now, updated_at: now });
const q = db2.selectFrom('users').innerJoin('role', 'role.id', 'users.role_id').where('users.deleted_at', 'is', null).selectAll('users').orderBy('users.id').limit(15).offset(0).compile();
console.log(q.sql);
const raw = new sqlite(`/tmp/bt/q2raw.db`);
await time('compile only', async () => db2.selectFrom('users').innerJoin('role', 'role.id', 'users.role_id').where('users.deleted_at', 'is', null).select(['users.id','users.uid','users.username','users.status','users.role_id','users.created_at','users.updated_at','users.deleted_at']).select([ 'role.name as role__name','role.code as role__code','role.desc as role__desc']).orderBy('users.id').limit(15).offset(0).compile());
