// All SQL on the login_record table: one row per login attempt on an existing account.
import type { Kysely } from 'kysely';
import type { Database, LoginRecordRow } from '../../db/schema.js';
import { rowCount } from './sql.js';

export type LoginReason = 'ok' | 'wrong_password' | 'locked' | 'disabled';

export function loginRecordsRepository(db: Kysely<Database>) {
  return {
    async record(entry: { userId: number; ip: string; userAgent: string; reason: LoginReason }): Promise<void> {
      await db
        .insertInto('login_record')
        .values({
          user_id: entry.userId,
          at: new Date().toISOString(),
          ip: entry.ip,
          user_agent: entry.userAgent,
          success: entry.reason === 'ok' ? 1 : 0,
          reason: entry.reason,
        })
        .execute();
    },

    async page(userId: number, options: { offset: number; limit: number }): Promise<{ items: LoginRecordRow[]; total: number }> {
      const [items, totals] = await Promise.all([
        db.selectFrom('login_record').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(rowCount(options.limit)).offset(rowCount(options.offset)).execute(),
        db.selectFrom('login_record').where('user_id', '=', userId).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(totals.total) };
    },
  };
}

export type LoginRecordsRepository = ReturnType<typeof loginRecordsRepository>;
