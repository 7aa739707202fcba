// What a handler's second argument holds (operations/handler.ts, Context).
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../accounts/services.js';
import type { Context } from '../../operations/handler.js';
import type { AuditAction } from '../../storage/repositories/audit.js';
import type { UserWithRole } from '../../storage/repositories/users.js';

export class OperationContext implements Context {
  constructor(
    readonly request: FastifyRequest,
    readonly services: Services,
    private readonly user: UserWithRole | undefined,
    private readonly operationId: string,
    readonly mayActOnOthers: boolean,
    readonly prefetched: Context['prefetched'],
    readonly session: number | undefined,
  ) {}

  get caller(): UserWithRole {
    if (!this.user) throw new Error(`${this.operationId} reads the caller but declares no security`);
    return this.user;
  }

  audit(action: AuditAction, target: string, detail: Record<string, unknown> = {}): Promise<void> {
    const { id, username } = this.caller;
    return this.services.audit.record({ actor: { id, username }, action, target, detail, ip: this.request.ip });
  }
}
