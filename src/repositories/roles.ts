// All SQL on the role and role_permission tables.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RoleRow } from '../../db/schema.js';
import { effectivePermissions, type Permission } from '../permissions.js';
import { preparedIn } from './prepared.js';
import type { Dialect } from '../db.js';
import { after, cappedTotal, countLimit, type Slice, type Window } from './paging.js';
import { keyword as keywordOf, likeAny } from './search.js';
import { isUniqueViolation, rowCount } from './sql.js';

export type RoleWithPermissions = RoleRow & { permissions: Permission[] };

export interface RoleChanges {
  name?: string | undefined;
  desc?: string | undefined;
  permissions?: Permission[] | undefined;
}

export function rolesRepository(db: Kysely<Database>, dialect: Dialect) {
  const live = () => db.selectFrom('role').selectAll().where('deleted_at', 'is', null);

  const grantsOf = preparedIn(db, (ids) => db.selectFrom('role_permission').select(['role_id', 'permission']).where('role_id', 'in', ids));
  const rolesOf = preparedIn(db, (ids) => db.selectFrom('role').selectAll().where('id', 'in', ids));

  async function grants(roleIds: number[]): Promise<Map<number, string[]>> {
    const granted = new Map<number, string[]>(roleIds.map((id) => [id, []]));
    if (roleIds.length === 0) return granted;
    for (const row of await grantsOf(roleIds)) granted.get(row.role_id)?.push(row.permission);
    return granted;
  }

  async function withPermissions<R extends RoleRow>(roles: R[]): Promise<Array<R & { permissions: Permission[] }>> {
    const granted = await grants([...new Set(roles.map((role) => role.id))]);
    return roles.map((role) => ({ ...role, permissions: effectivePermissions(role.code, granted.get(role.id) ?? []) }));
  }

  async function grant(trx: Transaction<Database>, roleId: number, permissions: Permission[]): Promise<void> {
    await trx.deleteFrom('role_permission').where('role_id', '=', roleId).execute();
    if (permissions.length) {
      await trx.insertInto('role_permission').values(permissions.map((permission) => ({ role_id: roleId, permission }))).execute();
    }
  }

  // Live roles whose name or code contains the keyword, through SQLite's trigram table or PostgreSQL's GIN indexes
  // (see users.ts). Roles are few next to users: the matching ids are gathered before the page is read.
  const matchingIds = (text: string) => {
    const { phrase, pattern, short } = keywordOf(text);
    const ids = db.selectFrom('role').select('id').where('deleted_at', 'is', null);
    return dialect === 'sqlite' && !short
      ? ids.where('id', 'in', (eb) => eb.selectFrom('role_search').select('rowid').where(sql<boolean>`role_search match ${phrase}`))
      : ids.where(likeAny(pattern, sql<string>`lower(name)`, sql<string>`lower(code)`));
  };

  return {
    withPermissions,

    /** The roles of these ids, by id: the roles users hold, which cannot be deleted while a live user holds them. */
    async findByIds(ids: number[]): Promise<Map<number, RoleWithPermissions>> {
      const roles = ids.length ? await withPermissions(await rolesOf(ids)) : [];
      return new Map(roles.map((role) => [role.id, role]));
    },

    async findByCode(code: string): Promise<RoleRow | undefined> {
      return live().where('code', '=', code).executeTakeFirst();
    },

    async findById(id: number): Promise<RoleWithPermissions | undefined> {
      const role = await live().where('id', '=', id).executeTakeFirst();
      return role && (await withPermissions([role]))[0];
    },

    /** A page of live roles in id order, those whose name or code contains `keyword` when it is given. */
    async page(window: Window, keyword?: string): Promise<Slice<RoleWithPermissions>> {
      let items = live().where(after(sql.ref('id'), window, 'asc')).orderBy('id').limit(rowCount(window.limit)).offset(rowCount(window.offset));
      if (keyword) items = items.where('id', 'in', matchingIds(keyword));
      const count = keyword
        ? db.selectFrom(matchingIds(keyword).limit(countLimit).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then(({ n }) => cappedTotal(n))
        : db.selectFrom('row_count').select('n').where('name', '=', 'role').executeTakeFirst().then((row) => ({ total: Number(row?.n ?? 0), totalExact: true }));
      const [rows, counted] = await Promise.all([items.execute(), count]);
      return { items: await withPermissions(rows), ...counted };
    },

    /** The role created, or null when a live role already has that code. */
    async create(role: { name: string; desc: string; code: string; permissions: Permission[] }): Promise<RoleWithPermissions | null> {
      const now = new Date().toISOString();
      try {
        const id = await db.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto('role')
            .values({ name: role.name, desc: role.desc, code: role.code, permission_id: 0, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await grant(trx, id, role.permissions);
          return id;
        });
        return (await this.findById(id)) ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async update(id: number, changes: RoleChanges): Promise<RoleWithPermissions | undefined> {
      const updated = await db.transaction().execute(async (trx) => {
        const { numUpdatedRows } = await trx
          .updateTable('role')
          .set({
            updated_at: new Date().toISOString(),
            ...(changes.name === undefined ? {} : { name: changes.name }),
            ...(changes.desc === undefined ? {} : { desc: changes.desc }),
          })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (numUpdatedRows === 0n) return false;
        if (changes.permissions) await grant(trx, id, changes.permissions);
        return true;
      });
      return updated ? this.findById(id) : undefined;
    },

    /** Soft-deletes a role no live user holds, in one statement so a concurrent assignment cannot slip in. */
    async delete(id: number): Promise<'deleted' | 'inUse' | 'missing'> {
      const { numUpdatedRows } = await db
        .updateTable('role')
        .set({ deleted_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select('users.id').where('users.role_id', '=', id).where('users.deleted_at', 'is', null))))
        .executeTakeFirst();
      if (numUpdatedRows > 0n) return 'deleted';
      return (await this.findById(id)) ? 'inUse' : 'missing';
    },
  };
}

export type RolesRepository = ReturnType<typeof rolesRepository>;
