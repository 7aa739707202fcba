// Personal access tokens: a random secret with a fixed prefix (so that secret scanners recognise a leaked one),
// stored only as its SHA-256. A fast hash is enough: the secret carries 256 random bits, nothing to guess, unlike
// a password. Issued through the API (createAccessToken) and the CLI (create-token), by the same rules.
import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenRow } from '../../db/schema.js';
import { accessTokensPerUser } from '../../generated/constants.js';
import type { Permission } from '../storage/permissions.js';
import type { AccessTokensRepository } from '../storage/repositories/accessTokens.js';
import type { AuditAction } from '../storage/repositories/audit.js';
import type { SettingsRepository } from '../storage/repositories/settings.js';
import type { AccessTokenCaller, UserWithRole } from '../storage/repositories/users.js';
import { NotAuthenticated } from './errors.js';
import type { Authenticated } from './tokens.js';

/** What every secret starts with; the rest is 32 random bytes, base64url (the spec's CreatedAccessToken.secret). */
export const accessTokenPrefix = 'cms_pat_';

const hashOfSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The caller that an unexpired, unrevoked token names, with the token; null when there is none. */
export type ReadAccessTokenCaller = (hash: string) => Promise<AccessTokenCaller | null>;

/** The caller of a presented secret: NotAuthenticated unless it names an unexpired token of an enabled user. */
export async function callerOfAccessToken(secret: string, read: ReadAccessTokenCaller): Promise<Authenticated> {
  const found = await read(hashOfSecret(secret));
  if (found?.user.status !== 1) throw new NotAuthenticated();
  return { caller: found.user, settings: found.settings, accessToken: found.accessToken };
}

/** A token the rules refuse; `reason` names the spec's error (x-errors). */
export class AccessTokenRefused extends Error {
  constructor(
    readonly reason: 'scopeNotHeld' | 'accessTokenExpiry' | 'accessTokenLimit',
    message: string,
  ) {
    super(message);
  }
}

const dayMs = 86_400_000;

/**
 * A new token of `owner`: its scopes must be permissions of the owner's role, its expiry in the future and within
 * accessTokenMaxDays, and the owner under the limit of unexpired tokens. Recorded in the audit log by `audit`.
 * Answers the stored row and the secret, which is not kept.
 */
export async function issueAccessToken(
  services: { settings: SettingsRepository; accessTokens: AccessTokensRepository },
  owner: UserWithRole,
  wanted: { name: string; scopes: readonly Permission[]; expiresAt: string },
  audit: (action: AuditAction, target: string, detail: Record<string, unknown>) => Promise<void>,
): Promise<{ row: AccessTokenRow; secret: string }> {
  const missing = wanted.scopes.filter((scope) => !owner.role.permissions.includes(scope));
  if (missing.length > 0)
    throw new AccessTokenRefused(
      'scopeNotHeld',
      `a scope is not a permission of the owner's role: ${missing.join(', ')}`,
    );
  const { accessTokenMaxDays } = await services.settings.security();
  const expires = Date.parse(wanted.expiresAt);
  const now = Date.now();
  if (!(expires > now && expires <= now + accessTokenMaxDays * dayMs))
    throw new AccessTokenRefused(
      'accessTokenExpiry',
      `expiresAt must be in the future and within ${accessTokenMaxDays} days`,
    );
  const secret = accessTokenPrefix + randomBytes(32).toString('base64url');
  // Stored in UTC: expiries are compared as RFC 3339 strings.
  const expiresAt = new Date(expires).toISOString();
  const row = await services.accessTokens.create(
    { userId: owner.id, name: wanted.name, hash: hashOfSecret(secret), scopes: wanted.scopes, expiresAt },
    accessTokensPerUser,
  );
  if (!row)
    throw new AccessTokenRefused(
      'accessTokenLimit',
      `too many access tokens (${accessTokensPerUser}), revoke one first`,
    );
  await audit('token.create', `user:${owner.id}`, { token: row.id, name: row.name, scopes: wanted.scopes, expiresAt });
  return { row, secret };
}
