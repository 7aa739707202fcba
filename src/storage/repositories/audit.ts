// All SQL on the audit_log table: who changed what, when, from where.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuditLogRow, Database } from '../../../db/schema.js';
import type { auditActions } from '../../../generated/constants.js';
import { windowed } from '../../perf/firstRows.js';
import { after, type Slice, type Window } from './paging.js';
import { pruneOldest } from './sql.js';

/** The spec's list, not its type: a client must accept actions it does not know; this server writes only these. */
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  actor: { id: number; username: string } | null;
  action: AuditAction;
  target: string;
  detail: Record<string, unknown>;
  ip: string;
}

export function auditRepository(db: Kysely<Database>) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: new Date().toISOString(),
          actor_id: entry.actor?.id ?? null,
          actor_username: entry.actor?.username ?? null,
          action: entry.action,
          target: entry.target,
          detail: JSON.stringify(entry.detail),
          ip: entry.ip,
        })
        .execute();
    },

    /** A page of the log, newest first. */
    async page(window: Window): Promise<Slice<AuditLogRow>> {
      const [items, count] = await Promise.all([
        windowed(
          db,
          db
            .selectFrom('audit_log')
            .selectAll()
            .where(after(sql.ref('id'), window, 'desc'))
            .orderBy('id', 'desc'),
          window,
          'desc',
        ).execute(),
        db.selectFrom('row_count').select('n').where('name', '=', 'audit_log').executeTakeFirst(),
      ]);
      return { items, total: Number(count?.n ?? 0), totalExact: true };
    },

    /** Removes up to `limit` of the oldest, those before `cutoff` (retention): answers how many. */
    prune: (cutoff: string, limit: number) => pruneOldest(db, 'audit_log', cutoff, limit),
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
