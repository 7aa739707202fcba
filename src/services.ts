// What handlers reach: repositories and the few services around them. Built once per app.
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db.js';
import type { Timed } from './metrics.js';
import type { Passwords } from './passwords.js';
import { auditRepository } from './repositories/audit.js';
import { healthRepository } from './repositories/health.js';
import { loginRecordsRepository } from './repositories/loginRecords.js';
import { rateLimitsRepository } from './repositories/rateLimits.js';
import { rolesRepository } from './repositories/roles.js';
import { settingsRepository } from './repositories/settings.js';
import { usersRepository } from './repositories/users.js';

export interface TokenClaims {
  user_id: number;
  username: string;
  user_role: string;
  /** The user's token version when the token was issued; advancing it revokes the token. */
  ver: number;
}

export type Repositories = ReturnType<typeof repositories>;

export interface Services extends Repositories {
  config: Config;
  passwords: Passwords;
  metrics: Registry;
  signToken(claims: TokenClaims): string;
}

/** The repositories on `database`; `timed` wraps each one for the metrics (the CLI leaves them bare). */
export function repositories(handle: DatabaseHandle, timed: Timed = (_name, repository) => repository) {
  const { db, dialect } = handle;
  const roles = timed('roles', rolesRepository(db, dialect));
  return {
    dialect,
    users: timed('users', usersRepository(handle, roles)),
    roles,
    settings: timed('settings', settingsRepository(db)),
    loginRecords: timed('loginRecords', loginRecordsRepository(db)),
    audit: timed('audit', auditRepository(db)),
    health: timed('health', healthRepository(db)),
    rateLimits: timed('rateLimits', rateLimitsRepository(db)),
  };
}
