// All SQL on the role table.
import type { Kysely } from 'kysely';
import type { Database, RoleRow } from '../../db/schema.js';

export function rolesRepository(db: Kysely<Database>) {
  return {
    async findByCode(code: string): Promise<RoleRow | undefined> {
      return db.selectFrom('role').selectAll().where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst();
    },
  };
}

export type RolesRepository = ReturnType<typeof rolesRepository>;
