// What a token's claims hold, and who they name: a live, enabled user whose tokens have not been revoked since
// this one was issued. Reading the token off the request, and checking its signature, is the contract layer's.
import { idRange } from '../../generated/constants.js';
import type { Permission } from '../storage/permissions.js';
import type { SecuritySettings } from '../storage/repositories/settings.js';
import type { Caller, UserWithRole } from '../storage/repositories/users.js';
import { NotAuthenticated } from './errors.js';

export interface TokenClaims {
  user_id: number;
  username: string;
  user_role: string;
  /** The user's token version when the token was issued; advancing it revokes the token. */
  ver: number;
  /** The session the token belongs to (login starts one); tokens from before sessions existed carry none. */
  sid?: number;
}

/** The caller, with the security settings (their password may have expired) and what was read with them. */
export interface Authenticated {
  caller: UserWithRole;
  settings: SecuritySettings;
  prefetched?: unknown;
  /** The token's session and its last recorded use; none for a token from before sessions existed. */
  session?: { id: number; used: string };
  /**
   * The personal access token presented instead of a login's token (accounts/accessTokens.ts): its scopes bound
   * what the caller's role grants.
   */
  accessToken?: { id: number; scopes: readonly Permission[]; used: string | null };
}

/**
 * The caller of the token's id with the session `sid` (0 for none), and maybe more in the same read
 * (perf/callerReads.ts); null when there is no such caller.
 */
export type ReadCaller = (id: number, sid: number) => Promise<(Caller & { prefetched?: unknown }) | null>;

const isId = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= idRange.minimum && (value as number) <= idRange.maximum;

// Instances' clocks may differ by this much; a token issued further in the future is not genuine.
const clockSkewSeconds = 60;

/** The user that verified claims name, read by `read`; NotAuthenticated when they name none that may call. */
export async function callerOf(
  claims: Partial<TokenClaims & { iat: number }>,
  read: ReadCaller,
): Promise<Authenticated> {
  const { user_id: id, sid } = claims;
  if (!isId(id) || (sid !== undefined && !isId(sid))) throw new NotAuthenticated();
  if ((claims.iat ?? 0) > Date.now() / 1000 + clockSkewSeconds) throw new NotAuthenticated();
  const found = await read(id, sid ?? 0);
  // Tokens issued before token versions existed carry none: they count as version 0.
  if (found?.user.status !== 1 || found.user.token_version !== (claims.ver ?? 0)) throw new NotAuthenticated();
  const authenticated = { caller: found.user, settings: found.settings, prefetched: found.prefetched };
  if (sid === undefined) return authenticated;
  // An ended session's token stops at once, on every instance: the session is read with the caller.
  if (found.sessionUsed === null) throw new NotAuthenticated();
  return { ...authenticated, session: { id: sid, used: found.sessionUsed } };
}
