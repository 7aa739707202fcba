// All SQL on the role and role_permission tables.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database, RoleRow } from '../../../db/schema.js';
import { windowed } from '../../perf/firstRows.js';
import type { Dialect } from '../connect.js';
import { effectivePermissions, type Permission } from '../permissions.js';
import { after, cappedTotal, countLimit, type Slice, type Window } from './paging.js';
import { preparedIn } from './prepared.js';
import { keyword as keywordOf, likeAny } from './search.js';
import { isUniqueViolation } from './sql.js';

export type RoleWithPermissions = RoleRow & { permissions: Permission[] };

export interface RoleChanges {
  name?: string | undefined;
  desc?: string | undefined;
  permissions?: Permission[] | undefined;
}

/**
 * The permissions granted to the role of id `roleId`, as a column of the query that reads the role: a JSON array,
 * text on SQLite, parsed already on PostgreSQL. One query for a role and its grants, rather than two round trips.
 */
export function grantedColumn(dialect: Dialect, roleId: RawBuilder<number>) {
  return dialect === 'postgres'
    ? sql<
        string | string[]
      >`(select coalesce(json_agg(role_permission.permission), '[]'::json) from role_permission where role_permission.role_id = ${roleId})`
    : sql<
        string | string[]
      >`(select json_group_array(role_permission.permission) from role_permission where role_permission.role_id = ${roleId})`;
}

/** A role row read with `grantedColumn` as `granted`, with its effective permissions. */
export function withGranted<R extends RoleRow>({
  granted,
  ...role
}: R & { granted: string | string[] }): R & { permissions: Permission[] } {
  const grants = typeof granted === 'string' ? (JSON.parse(granted) as string[]) : granted;
  return { ...(role as unknown as R), permissions: effectivePermissions(role.code, grants) };
}

export function rolesRepository(db: Kysely<Database>, dialect: Dialect) {
  const withGrants = db
    .selectFrom('role')
    .selectAll()
    .select(grantedColumn(dialect, sql.ref('role.id')).as('granted'));
  const live = () => withGrants.where('deleted_at', 'is', null);
  const rolesOf = preparedIn(db, (ids: number[]) => withGrants.where('id', 'in', ids));

  async function grant(trx: Transaction<Database>, roleId: number, permissions: Permission[]): Promise<void> {
    await trx.deleteFrom('role_permission').where('role_id', '=', roleId).execute();
    if (permissions.length) {
      await trx
        .insertInto('role_permission')
        .values(permissions.map((permission) => ({ role_id: roleId, permission })))
        .execute();
    }
  }

  // Live roles whose name or code contains the keyword, through SQLite's trigram table or PostgreSQL's GIN indexes
  // (see users.ts). Roles are few next to users: the matching ids are gathered before the page is read.
  const matchingIds = (text: string) => {
    const { phrase, pattern, short } = keywordOf(text);
    const ids = db.selectFrom('role').select('id').where('deleted_at', 'is', null);
    return dialect === 'sqlite' && !short
      ? ids.where('id', 'in', (eb) =>
          eb.selectFrom('role_search').select('rowid').where(sql<boolean>`role_search match ${phrase}`),
        )
      : ids.where(likeAny(pattern, sql<string>`lower(name)`, sql<string>`lower(code)`));
  };

  return {
    /** The roles of these ids, by id: the roles users hold, which cannot be deleted while a live user holds them. */
    async findByIds(ids: number[]): Promise<Map<number, RoleWithPermissions>> {
      const roles = ids.length ? (await rolesOf(ids)).map(withGranted) : [];
      return new Map(roles.map((role) => [role.id, role]));
    },

    async findByCode(code: string): Promise<RoleRow | undefined> {
      const role = await live().where('code', '=', code).executeTakeFirst();
      return role && withGranted(role);
    },

    async findById(id: number): Promise<RoleWithPermissions | undefined> {
      const role = await live().where('id', '=', id).executeTakeFirst();
      return role && withGranted(role);
    },

    /** A page of live roles in id order, those whose name or code contains `keyword` when it is given. */
    async page(window: Window, keyword?: string): Promise<Slice<RoleWithPermissions>> {
      let items = live()
        .where(after(sql.ref('id'), window, 'asc'))
        .orderBy('id');
      if (keyword) items = items.where('id', 'in', matchingIds(keyword));
      const count = keyword
        ? db
            .selectFrom(matchingIds(keyword).limit(countLimit).as('m'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
            .then(({ n }) => cappedTotal(n))
        : db
            .selectFrom('row_count')
            .select('n')
            .where('name', '=', 'role')
            .executeTakeFirst()
            .then((row) => ({ total: Number(row?.n ?? 0), totalExact: true }));
      const [rows, counted] = await Promise.all([windowed(db, items, window).execute(), count]);
      return { items: rows.map(withGranted), ...counted };
    },

    /** The role created, or null when a live role already has that code. */
    async create(role: {
      name: string;
      desc: string;
      code: string;
      permissions: Permission[];
    }): Promise<RoleWithPermissions | null> {
      const now = new Date().toISOString();
      try {
        const id = await db.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto('role')
            .values({
              name: role.name,
              desc: role.desc,
              code: role.code,
              permission_id: 0,
              created_at: now,
              updated_at: now,
            })
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
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('users')
                .select('users.id')
                .where('users.role_id', '=', id)
                .where('users.deleted_at', 'is', null),
            ),
          ),
        )
        .executeTakeFirst();
      if (numUpdatedRows > 0n) return 'deleted';
      return (await this.findById(id)) ? 'inUse' : 'missing';
    },
  };
}

export type RolesRepository = ReturnType<typeof rolesRepository>;
