// The response envelope and the error table, which the spec states under x-errors.
import { errors } from '../../generated/errors.js';

export type ErrorName = keyof typeof errors;
type Entry<N extends ErrorName> = (typeof errors)[N];

export interface Failure<N extends ErrorName, M extends string = Entry<N>['errMsg']> {
  status: Entry<N>['status'];
  body: { errCode: Entry<N>['errCode']; data: Record<string, never>; errMsg: M };
}

export function fail<N extends ErrorName>(name: N): Failure<N>;
export function fail<N extends ErrorName>(name: N, errMsg: string): Failure<N, string>;
export function fail<N extends ErrorName>(name: N, errMsg?: string): Failure<N, string> {
  const entry = errors[name];
  return { status: entry.status, body: { errCode: entry.errCode, data: {}, errMsg: errMsg ?? entry.errMsg } };
}

/** Thrown where a handler cannot return: the contract layer answers it as `fail(name, message)`. */
export class ApiError extends Error {
  constructor(
    readonly errorName: ErrorName,
    message: string = errors[errorName].errMsg,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
