// All SQL on the session table: one row per sign-in not yet ended. A session holds while it has not expired and
// its token_version is its user's (advancing the version ends every session of the user at once).
import { type Kysely, sql } from 'kysely';
import type { Database, SessionRow } from '../../../db/schema.js';
import { after, type Slice, type Window } from './paging.js';
import { rowCount } from './sql.js';

const now = () => new Date().toISOString();

export function sessionsRepository(db: Kysely<Database>) {
  /** The user's sessions that hold. */
  const holding = (userId: number) =>
    db
      .selectFrom('session')
      .where('session.user_id', '=', userId)
      .where('session.expires_at', '>', now())
      .where(
        'session.token_version',
        '=',
        db.selectFrom('users').select('users.token_version').where('users.id', '=', userId),
      );

  return {
    /** Starts a session for a login of `userId` at their token version `version`: answers its id. */
    async start(entry: {
      userId: number;
      version: number;
      ip: string;
      userAgent: string;
      expiresAt: string;
    }): Promise<number> {
      const at = now();
      const row = await db
        .insertInto('session')
        .values({
          user_id: entry.userId,
          token_version: entry.version,
          created_at: at,
          last_used_at: at,
          expires_at: entry.expiresAt,
          ip: entry.ip,
          user_agent: entry.userAgent,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** A page of the user's sessions that hold, newest first. */
    async page(userId: number, window: Window): Promise<Slice<SessionRow>> {
      const [items, count] = await Promise.all([
        holding(userId)
          .selectAll('session')
          .where(after(sql.ref('session.id'), window, 'desc'))
          .orderBy('session.id', 'desc')
          .limit(rowCount(window.limit))
          .offset(rowCount(window.offset))
          .execute(),
        holding(userId)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
      ]);
      return { items, total: Number(count?.n ?? 0), totalExact: true };
    },

    /** Ends one of the user's sessions; answers whether it held. */
    async end(userId: number, sessionId: number): Promise<boolean> {
      const ended = await db
        .deleteFrom('session')
        .where('id', 'in', holding(userId).select('session.id').where('session.id', '=', sessionId))
        .executeTakeFirst();
      return Number(ended.numDeletedRows) > 0;
    },

    /** Ends the user's sessions, all but `keep` when it is given; answers how many held. */
    async endAll(userId: number, keep?: number): Promise<number> {
      const ended = await db
        .deleteFrom('session')
        .where(
          'id',
          'in',
          holding(userId)
            .select('session.id')
            .where('session.id', '!=', keep ?? 0),
        )
        .executeTakeFirst();
      return Number(ended.numDeletedRows);
    },

    /** Records that a request used the session at `at`, unless a use at or after `since` is already recorded. */
    async touch(sessionId: number, at: string, since: string): Promise<void> {
      await db
        .updateTable('session')
        .set({ last_used_at: at })
        .where('id', '=', sessionId)
        .where('last_used_at', '<', since)
        .execute();
    },

    /** Removes up to `limit` of the sessions that expired before `cutoff` (retention): answers how many. */
    async prune(cutoff: string, limit: number): Promise<number> {
      const expired = db.selectFrom('session').select('id').where('expires_at', '<', cutoff).limit(limit);
      const { numDeletedRows } = await db.deleteFrom('session').where('id', 'in', expired).executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
