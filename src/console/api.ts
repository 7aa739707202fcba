// Every call the console makes goes through this client, typed from openapi.yaml: a change to the spec that
// breaks the console breaks its type check.
import createClient from 'openapi-fetch';
import { errors } from '../../generated/errors.js';
import type { components, paths } from '../../generated/openapi.js';
import { session, signedOut } from './session.js';

export const api = createClient<paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    if (session.value) request.headers.set('authorization', `Bearer ${session.value.token}`);
    return request;
  },
  onResponse({ response }) {
    // A token the server no longer accepts (expired, logged out elsewhere, user disabled): back to sign-in.
    if (response.status === 401) signedOut('Your session has ended: sign in again.');
    return response;
  },
});

type ErrorName = keyof typeof errors;
const names = new Map<number, ErrorName>(
  Object.entries(errors).map(([name, entry]) => [entry.errCode, name as ErrorName]),
);

/** The error table's name for an errCode (undefined for success or a code this build does not know). */
export const errorName = (errCode: number): ErrorName | undefined => names.get(errCode);

type Envelope = components['schemas']['ErrorEnvelope'];
export type Outcome<T> = { ok: true; data: T } | { ok: false; refusal: string; errCode?: number };

/**
 * A call's answer: its data, or why it was refused in the API's own words (every error answer of the spec is an
 * ErrorEnvelope; a refusal inside a 200, such as login's, is the caller's to read). A 403 is shown as it comes.
 */
export async function outcome<T>(call: Promise<{ data?: T; error?: Envelope | unknown }>): Promise<Outcome<T>> {
  try {
    const { data, error } = await call;
    if (data !== undefined) return { ok: true, data };
    const envelope = error as Partial<Envelope> | undefined;
    const refusal = envelope?.errMsg ?? 'The server answered something the console does not understand.';
    return { ok: false, refusal, errCode: envelope?.errCode };
  } catch {
    return { ok: false, refusal: 'The server could not be reached.' };
  }
}
