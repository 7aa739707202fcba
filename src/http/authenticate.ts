// Who is calling: the token from header `token`, `Authorization: Bearer` or query `token`, its signature and
// expiry checked, then the user its claims name (accounts/tokens.ts).
import type { FastifyRequest } from 'fastify';
import { NotAuthenticated } from '../accounts/errors.js';
import { type Authenticated, callerOf, type ReadCaller, type TokenClaims } from '../accounts/tokens.js';
import type { SessionsRepository } from '../storage/repositories/sessions.js';
import type { UsersRepository } from '../storage/repositories/users.js';

function extractToken(request: FastifyRequest): string | undefined {
  const header = request.headers.token;
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const query = (request.query as Record<string, unknown>).token;
  return typeof query === 'string' && query ? query : undefined;
}

export type Authenticate = (request: FastifyRequest, read?: ReadCaller) => Promise<Authenticated>;

// A session's last use is written when the one recorded is older than this: a write every few minutes per
// session, not one per request.
const touchEveryMs = 5 * 60_000;

export function createAuthenticator(
  verify: (token: string) => Partial<TokenClaims & { iat: number }>,
  users: UsersRepository,
  sessions: SessionsRepository,
): Authenticate {
  const findCaller: ReadCaller = (id, sid) => users.findCaller(id, sid);
  return async function authenticate(request, read = findCaller) {
    const token = extractToken(request);
    if (!token) throw new NotAuthenticated();
    let claims: Partial<TokenClaims & { iat: number }>;
    try {
      claims = verify(token);
    } catch {
      throw new NotAuthenticated();
    }
    const found = await callerOf(claims, read);
    const { session } = found;
    if (session) {
      const since = new Date(Date.now() - touchEveryMs).toISOString();
      if (session.used < since) await sessions.touch(session.id, new Date().toISOString(), since);
    }
    return found;
  };
}
