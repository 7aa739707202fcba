// Handler types, all derived from the generated operations: a handler cannot return what the spec forbids.
import type { FastifyRequest } from 'fastify';
import type { operations } from '../../generated/openapi.js';
import type { Services } from '../accounts/services.js';
import type { Prefetched } from '../perf/callerReads.js';
import type { AuditAction } from '../storage/repositories/audit.js';
import type { UserWithRole } from '../storage/repositories/users.js';

export type OperationId = keyof operations;
type Op<K extends OperationId> = operations[K];

type ContentOf<T> = T extends { content: infer C } ? C[keyof C] : never;
type StatusOf<K extends OperationId> = keyof Op<K>['responses'] & number;

export type RequestBody<K extends OperationId> = Op<K> extends { requestBody: infer R } ? ContentOf<R> : undefined;
export type Query<K extends OperationId> = NonNullable<Op<K>['parameters']['query']>;
export type PathParams<K extends OperationId> = NonNullable<Op<K>['parameters']['path']>;

export type Result<K extends OperationId> = {
  [S in StatusOf<K>]: { status: S; body: ContentOf<Op<K>['responses'][S]>; headers?: Record<string, string> };
}[StatusOf<K>];

export interface Input<K extends OperationId> {
  body: RequestBody<K>;
  query: Query<K>;
  params: PathParams<K>;
}

export interface Context<K extends OperationId = OperationId> {
  /** The authenticated user; only operations with `security` in the spec may read it. */
  readonly caller: UserWithRole;
  /** The session of the caller's token; undefined for a token from before sessions existed. */
  readonly session: number | undefined;
  /** For operations with `x-permission-for-others`: whether the caller holds that permission. */
  readonly mayActOnOthers: boolean;
  /** What the operation's caller read (perf/callerReads.ts) read with the caller, when it did. */
  readonly prefetched: (K extends keyof Prefetched ? Prefetched[K] : never) | undefined;
  readonly request: FastifyRequest;
  readonly services: Services;
  /** Records a change in the audit log, as done by the caller from the request's address. */
  audit(action: AuditAction, target: string, detail?: Record<string, unknown>): Promise<void>;
}

/** A handler may answer synchronously when it does no I/O. */
export type Handler<K extends OperationId> = (input: Input<K>, context: Context<K>) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in OperationId]: Handler<K> };

export function ok<const B>(body: B): { status: 200; body: B } {
  return { status: 200, body };
}
