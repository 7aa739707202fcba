// Compile-time checks, run by `tsc` in `npm test`: handlers that answer what the spec forbids do not compile.

import { fail } from '../../src/operations/envelope.js';
import type { Handler } from '../../src/operations/handler.js';
import { ok } from '../../src/operations/handler.js';

// @ts-expect-error ping answers "pong", nothing else
export const wrongPing: Handler<'ping'> = async () => ok('ping');

export const wrongLoginCode: Handler<'login'> = async () =>
  // @ts-expect-error login's success carries errCode 1000, not 0
  ok({ errCode: 0, data: { token: 't', username: 'u', role: undefined }, errMsg: 'login success' });

// @ts-expect-error register may not answer a login failure
export const wrongRegisterFailure: Handler<'register'> = async () => fail('badCredentials');

// @ts-expect-error ping declares no 401
export const wrongStatus: Handler<'ping'> = async () => fail('unauthorized');

export const rightRegisterFailure: Handler<'register'> = async () => fail('registerFailed', 'user x already exists');
