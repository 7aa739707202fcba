// Who is calling: a token from header `token`, `Authorization: Bearer` or query `token` → a live, enabled user
// whose tokens have not been revoked since this one was issued.
import type { FastifyRequest } from 'fastify';
import { idRange } from '../generated/constants.js';
import { ApiError } from './envelope.js';
import type { SecuritySettings } from './repositories/settings.js';
import type { UsersRepository, UserWithRole } from './repositories/users.js';
import type { TokenClaims } from './services.js';

function extractToken(request: FastifyRequest): string | undefined {
  const header = request.headers.token;
  if (typeof header === 'string' && header) return header;
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const query = (request.query as Record<string, unknown>).token;
  return typeof query === 'string' && query ? query : undefined;
}

// Instances' clocks may differ by this much; a token issued further in the future is not genuine.
const clockSkewSeconds = 60;

/** A user found by the token's id, with the security settings read in the same query. */
export interface Caller {
  user: UserWithRole;
  settings: SecuritySettings;
}

/** The caller, with the security settings (their password may have expired) and what was read with them. */
export interface Authenticated {
  caller: UserWithRole;
  settings: SecuritySettings;
  prefetched?: unknown;
}

/** The caller of the token's id, and maybe more in the same read (perf/callerReads.ts); null when there is none. */
export type ReadCaller = (id: number) => Promise<(Caller & { prefetched?: unknown }) | null>;

export function createAuthenticator(verify: (token: string) => Partial<TokenClaims & { iat: number }>, users: UsersRepository) {
  const findCaller: ReadCaller = (id) => users.findCaller(id);
  return async function authenticate(request: FastifyRequest, read = findCaller): Promise<Authenticated> {
    const token = extractToken(request);
    if (!token) throw new ApiError('unauthorized');
    let claims: Partial<TokenClaims & { iat: number }>;
    try {
      claims = verify(token);
    } catch {
      throw new ApiError('unauthorized');
    }
    const id = claims.user_id;
    if (!Number.isInteger(id) || id! < idRange.minimum || id! > idRange.maximum) throw new ApiError('unauthorized');
    if ((claims.iat ?? 0) > Date.now() / 1000 + clockSkewSeconds) throw new ApiError('unauthorized');
    const found = await read(id!);
    // Tokens issued before token versions existed carry none: they count as version 0.
    if (!found || found.user.status !== 1 || found.user.token_version !== (claims.ver ?? 0)) throw new ApiError('unauthorized');
    return { caller: found.user, settings: found.settings, prefetched: found.prefetched };
  };
}

/** An administrator reset the password, or it is older than `passwordExpire` days (when that is positive). */
export function mustChangePassword(user: Pick<UserWithRole, 'must_change_password' | 'password_changed_at'>, settings: SecuritySettings, now = Date.now()): boolean {
  if (user.must_change_password === 1) return true;
  if (settings.passwordExpire <= 0 || !user.password_changed_at) return false;
  return Date.parse(user.password_changed_at) + settings.passwordExpire * 86_400_000 <= now;
}
