// All SQL on the users table (joined with its role).
import { sql, type Kysely } from 'kysely';
import type { Database, NewUser, RoleRow, UserRow } from '../../db/schema.js';
import { prepared } from './prepared.js';

export type UserWithRole = Omit<UserRow, 'password'> & { role: RoleRow };
export type UserWithSecret = UserWithRole & { password: string };

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

// Escapes LIKE wildcards so a keyword matches literally.
function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function usersRepository(db: Kysely<Database>) {
  const live = db
    .selectFrom('users')
    .innerJoin('role', 'role.id', 'users.role_id')
    .where('users.deleted_at', 'is', null)
    .select([
      'users.id', 'users.created_at', 'users.updated_at', 'users.deleted_at', 'users.uid', 'users.username',
      'users.status', 'users.role_id',
      'role.created_at as role_created_at', 'role.updated_at as role_updated_at', 'role.deleted_at as role_deleted_at',
      'role.name as role_name', 'role.desc as role_desc', 'role.code as role_code', 'role.permission_id as role_permission_id',
    ]);
  type Row = Awaited<ReturnType<typeof live.executeTakeFirstOrThrow>>;

  const present = (r: Row): UserWithRole => ({
    id: r.id,
    created_at: r.created_at,
    updated_at: r.updated_at,
    deleted_at: r.deleted_at,
    uid: r.uid,
    username: r.username,
    status: r.status,
    role_id: r.role_id,
    role: {
      id: r.role_id,
      created_at: r.role_created_at,
      updated_at: r.role_updated_at,
      deleted_at: r.role_deleted_at,
      name: r.role_name,
      desc: r.role_desc,
      code: r.role_code,
      permission_id: r.role_permission_id,
    },
  });

  const lowerName = sql<string>`lower(users.username)`;
  const matching = sql<boolean>`lower(users.username) like ${''} escape '\\'`;
  const byId = prepared(db, live.where('users.id', '=', 0));
  const byName = prepared(db, live.where(lowerName, '=', ''));
  const byNameWithSecret = prepared(db, live.select('users.password').where(lowerName, '=', ''));
  const page = prepared(db, live.orderBy('users.id').limit(0).offset(0));
  const pageMatching = prepared(db, live.where(matching).orderBy('users.id').limit(0).offset(0));
  const countQuery = db.selectFrom('users').where('users.deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('total'));
  const count = prepared(db, countQuery);
  const countMatching = prepared(db, countQuery.where(matching));

  return {
    /** The user created, or null when a live user already has that name. */
    async create(user: NewUser): Promise<UserWithRole | null> {
      try {
        const { id } = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
        return this.findById(id);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async existsByUsername(username: string): Promise<boolean> {
      return (await byName(username.toLowerCase())).length > 0;
    },

    /** With the password hash, for login only. */
    async findByUsernameWithSecret(username: string): Promise<UserWithSecret | undefined> {
      const [row] = await byNameWithSecret(username.toLowerCase());
      return row && { ...present(row), password: row.password };
    },

    async findById(id: number): Promise<UserWithRole | null> {
      const [row] = await byId(id);
      return row ? present(row) : null;
    },

    async page(options: { offset: number; limit: number; keyword?: string | undefined }) {
      const { offset, limit, keyword } = options;
      const [rows, totals] = keyword
        ? await Promise.all([pageMatching(likePattern(keyword), limit, offset), countMatching(likePattern(keyword))])
        : await Promise.all([page(limit, offset), count()]);
      return { items: rows.map(present), total: Number(totals[0]?.total ?? 0) };
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
