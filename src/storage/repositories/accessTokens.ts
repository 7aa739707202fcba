// All SQL on the access_token table: one row per personal access token not yet revoked, found by its secret's
// hash. A token holds while it has not expired and its owner is a live, enabled user (the caller's read,
// users.findCallerByAccessToken, joins the two).
import { type Kysely, sql } from 'kysely';
import type { AccessTokenRow, Database } from '../../../db/schema.js';
import type { Dialect } from '../connect.js';
import { isPermission, type Permission } from '../permissions.js';
import { after, type Slice, type Window } from './paging.js';
import { rowCount } from './sql.js';

const now = () => new Date().toISOString();

/** The scopes column (a JSON array) as permissions. */
export const scopesFrom = (column: string): Permission[] => (JSON.parse(column) as unknown[]).filter(isPermission);

export interface NewAccessToken {
  userId: number;
  name: string;
  hash: string;
  scopes: readonly string[];
  expiresAt: string;
}

export function accessTokensRepository(db: Kysely<Database>, dialect: Dialect) {
  /** The user's tokens that have not expired. */
  const unexpired = (userId: number) =>
    db
      .selectFrom('access_token')
      .where('access_token.user_id', '=', userId)
      .where('access_token.expires_at', '>', now());

  return {
    /**
     * Stores a token unless the user holds `limit` unexpired ones already: answers the row, or null. Before
     * counting, the transaction takes a lock, so that a burst of creations counts one after another, through
     * several instances too: on PostgreSQL the owner's row; on SQLite the database's write lock, which a write
     * takes at once (a transaction that read first could not write after another process did: it would fail
     * with SQLITE_BUSY_SNAPSHOT instead of waiting).
     */
    async create(token: NewAccessToken, limit: number): Promise<AccessTokenRow | null> {
      return db.transaction().execute(async (trx) => {
        await (dialect === 'postgres'
          ? trx.selectFrom('users').select('id').where('id', '=', token.userId).forUpdate().execute()
          : trx
              .updateTable('users')
              .set({ token_version: sql`token_version` })
              .where('id', '=', token.userId)
              .execute());
        const held = await trx
          .selectFrom('access_token')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', token.userId)
          .where('expires_at', '>', now())
          .executeTakeFirstOrThrow();
        if (Number(held.n) >= limit) return null;
        return trx
          .insertInto('access_token')
          .values({
            user_id: token.userId,
            name: token.name,
            hash: token.hash,
            scopes: JSON.stringify(token.scopes),
            created_at: now(),
            expires_at: token.expiresAt,
            last_used_at: null,
            last_used_ip: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      });
    },

    /** A page of the user's unexpired tokens, newest first. */
    async page(userId: number, window: Window): Promise<Slice<AccessTokenRow>> {
      const [items, count] = await Promise.all([
        unexpired(userId)
          .selectAll('access_token')
          .where(after(sql.ref('access_token.id'), window, 'desc'))
          .orderBy('access_token.id', 'desc')
          .limit(rowCount(window.limit))
          .offset(rowCount(window.offset))
          .execute(),
        unexpired(userId)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
      ]);
      return { items, total: Number(count?.n ?? 0), totalExact: true };
    },

    /** Revokes one of the user's unexpired tokens; answers whether there was one. */
    async revoke(userId: number, tokenId: number): Promise<boolean> {
      const revoked = await db
        .deleteFrom('access_token')
        .where('id', 'in', unexpired(userId).select('access_token.id').where('access_token.id', '=', tokenId))
        .executeTakeFirst();
      return Number(revoked.numDeletedRows) > 0;
    },

    /** Records a use at `at` from `ip`, unless a use at or after `since` is already recorded. */
    async touch(tokenId: number, at: string, ip: string, since: string): Promise<void> {
      await db
        .updateTable('access_token')
        .set({ last_used_at: at, last_used_ip: ip })
        .where('id', '=', tokenId)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', since)]))
        .execute();
    },

    /** Removes up to `limit` of the tokens that expired before `cutoff` (retention): answers how many. */
    async prune(cutoff: string, limit: number): Promise<number> {
      const expired = db.selectFrom('access_token').select('id').where('expires_at', '<', cutoff).limit(limit);
      const { numDeletedRows } = await db.deleteFrom('access_token').where('id', 'in', expired).executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}

export type AccessTokensRepository = ReturnType<typeof accessTokensRepository>;
