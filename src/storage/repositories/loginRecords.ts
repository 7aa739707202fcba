// All SQL on the login_record table: one row per login attempt on an existing account.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, LoginRecordRow } from '../../../db/schema.js';
import { after, type Slice, type Window } from './paging.js';
import { pruneOldest, rowCount } from './sql.js';

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

    /** A page of one user's attempts, newest first. */
    async page(userId: number, window: Window): Promise<Slice<LoginRecordRow>> {
      const [items, count] = await Promise.all([
        db
          .selectFrom('login_record')
          .selectAll()
          .where('user_id', '=', userId)
          .where(after(sql.ref('id'), window, 'desc'))
          .orderBy('id', 'desc')
          .limit(rowCount(window.limit))
          .offset(rowCount(window.offset))
          .execute(),
        db.selectFrom('row_count').select('n').where('name', '=', `login_record:${userId}`).executeTakeFirst(),
      ]);
      return { items, total: Number(count?.n ?? 0), totalExact: true };
    },

    /** Removes up to `limit` of the oldest, those before `cutoff` (retention): answers how many. */
    prune: (cutoff: string, limit: number) => pruneOldest(db, 'login_record', cutoff, limit),
  };
}

export type LoginRecordsRepository = ReturnType<typeof loginRecordsRepository>;
