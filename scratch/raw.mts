import SQLite from 'better-sqlite3';
const db = new SQLite('/tmp/prof4/cms.db', { readonly: true });
const page = db.prepare(`select "users"."id", "users"."created_at", "users"."updated_at", "users"."deleted_at", "users"."uid", "users"."username", "users"."status", "users"."role_id", "users"."password", "role"."created_at" as "role_created_at", "role"."name" as "role_name" from "users" inner join "role" on "role"."id" = "users"."role_id" where "users"."deleted_at" is null order by "users"."id" limit ? offset ?`);
const count = db.prepare(`select count(*) as total from users where deleted_at is null`);
const byId = db.prepare(`select * from users inner join role on role.id = users.role_id where users.deleted_at is null and users.id = ?`);
function time(name: string, f: () => unknown) {
  for (let i = 0; i < 2000; i++) f();
  const n = 20000; const t = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(name, ((performance.now() - t) * 1000 / n).toFixed(1), 'µs');
}
time('page', () => page.all(15, 0));
time('count', () => count.all());
time('byId', () => byId.all(1));
console.log(db.prepare('explain query plan ' + page.source).all(15, 0));
