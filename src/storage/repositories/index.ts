// Every repository on one database, as handlers, the CLI and the import reach them.
import type { DatabaseHandle } from '../connect.js';
import { accessTokensRepository } from './accessTokens.js';
import { auditRepository } from './audit.js';
import { healthRepository } from './health.js';
import { loginRecordsRepository } from './loginRecords.js';
import { rateLimitsRepository } from './rateLimits.js';
import { rolesRepository } from './roles.js';
import { sessionsRepository } from './sessions.js';
import { settingsRepository } from './settings.js';
import { usersRepository } from './users.js';

/** Wraps a repository, method by method (observability/metrics.ts times each one). */
export type Wrap = <R extends object>(name: string, repository: R) => R;

export type Repositories = ReturnType<typeof repositories>;

/** The repositories on `handle`; `wrap` wraps each one (the server times them, the CLI leaves them bare). */
export function repositories(handle: DatabaseHandle, wrap: Wrap = (_name, repository) => repository) {
  const { db, dialect } = handle;
  const roles = wrap('roles', rolesRepository(db, dialect));
  return {
    dialect,
    users: wrap('users', usersRepository(handle, roles)),
    roles,
    settings: wrap('settings', settingsRepository(db)),
    loginRecords: wrap('loginRecords', loginRecordsRepository(db)),
    sessions: wrap('sessions', sessionsRepository(db)),
    accessTokens: wrap('accessTokens', accessTokensRepository(db, dialect)),
    audit: wrap('audit', auditRepository(db)),
    health: wrap('health', healthRepository(db)),
    rateLimits: wrap('rateLimits', rateLimitsRepository(db)),
  };
}
