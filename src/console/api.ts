// Every call the console makes goes through this client, typed from openapi.yaml: a change to the spec that
// breaks the console breaks its type check.
import createClient from 'openapi-fetch';
import { errors } from '../../generated/errors.js';
import type { paths } from '../../generated/openapi.js';
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
