// All SQL on the users table (joined with its role).
import { sql, type Kysely } from 'kysely';
import type { Database, NewUser, RoleRow, UserRow } from '../../db/schema.js';

export type UserWithRole = Omit<UserRow, 'password'> & { role: RoleRow };
export type UserWithSecret = UserWithRole & { password: string };

const userColumns = ['id', 'created_at', 'updated_at', 'deleted_at', 'uid', 'username', 'status', 'role_id'] as const;
const roleColumns = ['id', 'created_at', 'updated_at', 'deleted_at', 'name', 'desc', 'code', 'permission_id'] as const;

type Joined = Record<string, unknown>;

function nest(row: Joined): UserWithSecret {
  const user: Joined = {};
  const role: Joined = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('role__')) role[key.slice('role__'.length)] = value;
    else user[key] = value;
  }
  return { ...(user as unknown as UserWithSecret), role: role as unknown as RoleRow };
}

function withoutSecret({ password: _password, ...user }: UserWithSecret): UserWithRole {
  return user;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

// Escapes LIKE wildcards so a keyword matches literally.
function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function usersRepository(db: Kysely<Database>) {
  const live = () =>
    db
      .selectFrom('users')
      .innerJoin('role', 'role.id', 'users.role_id')
      .where('users.deleted_at', 'is', null)
      .select(userColumns.map((c) => `users.${c}` as const))
      .select(roleColumns.map((c) => sql.ref(`role.${c}`).as(`role__${c}`)));

  const byKeyword = (keyword: string | undefined) =>
    keyword ? sql<boolean>`lower(users.username) like ${likePattern(keyword)} escape '\\'` : sql<boolean>`1 = 1`;

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
      const row = await db
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(username)`, '=', username.toLowerCase())
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** With the password hash, for login only. */
    async findByUsernameWithSecret(username: string): Promise<UserWithSecret | undefined> {
      const row = await live()
        .select('users.password')
        .where(sql<string>`lower(users.username)`, '=', username.toLowerCase())
        .executeTakeFirst();
      return row && nest(row);
    },

    async findById(id: number): Promise<UserWithRole | null> {
      const row = await live().where('users.id', '=', id).executeTakeFirst();
      return row ? withoutSecret(nest({ ...row, password: '' })) : null;
    },

    async page(options: { offset: number; limit: number; keyword?: string | undefined }) {
      const filter = byKeyword(options.keyword);
      const rows = await live().where(filter).orderBy('users.id').limit(options.limit).offset(options.offset).execute();
      const { total } = await db
        .selectFrom('users')
        .where('deleted_at', 'is', null)
        .where(filter)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return { items: rows.map((row) => withoutSecret(nest({ ...row, password: '' }))), total: Number(total) };
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
