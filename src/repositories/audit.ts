// All SQL on the audit_log table: who changed what, when, from where.
import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../../db/schema.js';
import { rowCount } from './sql.js';
import type { components } from '../../generated/openapi.js';

export type AuditAction = components['schemas']['AuditAction'];

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

    async page(options: { offset: number; limit: number }): Promise<{ items: AuditLogRow[]; total: number }> {
      const [items, totals] = await Promise.all([
        db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(rowCount(options.limit)).offset(rowCount(options.offset)).execute(),
        db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(totals.total) };
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
