// Hand-made JWTs, for tests of what the server must refuse.
import { createHmac } from 'node:crypto';
import { testSecret } from './app.js';

const encode = (part: object | string) =>
  Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url');

/** header.claims signed with HMAC (`algorithm` is Node's digest name, whatever the header says). */
export function forge(
  header: object | string,
  claims: object | string,
  secret: string | Buffer = testSecret,
  algorithm = 'sha512',
): string {
  const body = `${encode(header)}.${encode(claims)}`;
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

/** The claims of a token, unverified. */
export const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
