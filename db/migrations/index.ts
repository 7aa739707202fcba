// Every migration, by name, in order. Listed here (not read from disk) so a bundled build carries them.
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as accounts from './0002_accounts.js';
import * as rateLimit from './0003_rate_limit.js';
import * as scale from './0004_scale.js';
import * as sessions from './0005_sessions.js';
import * as accessTokens from './0006_access_tokens.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_accounts': accounts,
  '0003_rate_limit': rateLimit,
  '0004_scale': scale,
  '0005_sessions': sessions,
  '0006_access_tokens': accessTokens,
};
