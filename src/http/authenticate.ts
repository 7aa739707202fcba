// Who is calling: the token from header `token`, `Authorization: Bearer` or query `token`. A login's token (a JWT)
// has its signature and expiry checked, then the user its claims name is read (accounts/tokens.ts); a personal
// access token is looked up by its hash (accounts/accessTokens.ts).
import type { FastifyRequest } from 'fastify';
import { accessTokenPrefix, callerOfAccessToken } from '../accounts/accessTokens.js';
import { NotAuthenticated } from '../accounts/errors.js';
import { type Authenticated, callerOf, type ReadCaller, type TokenClaims } from '../accounts/tokens.js';
import type { AccessTokensRepository } from '../storage/repositories/accessTokens.js';
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

// A session's or access token's last use is written when the one recorded is older than this: a write every few
// minutes per credential, not one per request.
const touchEveryMs = 5 * 60_000;

export function createAuthenticator(
  verify: (token: string) => Partial<TokenClaims & { iat: number }>,
  users: UsersRepository,
  sessions: SessionsRepository,
  accessTokens: AccessTokensRepository,
): Authenticate {
  const findCaller: ReadCaller = (id, sid) => users.findCaller(id, sid);
  const findAccessTokenCaller = (hash: string) => users.findCallerByAccessToken(hash);
  const since = () => new Date(Date.now() - touchEveryMs).toISOString();

  // An operation's own read with the caller (perf/callerReads.ts) is for login tokens: an access token reads its
  // caller alone.
  async function authenticateAccessToken(request: FastifyRequest, secret: string): Promise<Authenticated> {
    const found = await callerOfAccessToken(secret, findAccessTokenCaller);
    const { id, used } = found.accessToken!;
    const before = since();
    if (used === null || used < before) await accessTokens.touch(id, new Date().toISOString(), request.ip, before);
    return found;
  }

  return async function authenticate(request, read = findCaller) {
    const token = extractToken(request);
    if (!token) throw new NotAuthenticated();
    if (token.startsWith(accessTokenPrefix)) return authenticateAccessToken(request, token);
    let claims: Partial<TokenClaims & { iat: number }>;
    try {
      claims = verify(token);
    } catch {
      throw new NotAuthenticated();
    }
    const found = await callerOf(claims, read);
    const { session } = found;
    if (session) {
      const before = since();
      if (session.used < before) await sessions.touch(session.id, new Date().toISOString(), before);
    }
    return found;
  };
}
