// What handlers reach: repositories and the few services around them. Built once per app.
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { Database } from '../db/schema.js';
import type { Config } from './config.js';
import type { Passwords } from './passwords.js';
import { rolesRepository } from './repositories/roles.js';
import { settingsRepository } from './repositories/settings.js';
import { usersRepository } from './repositories/users.js';

export interface TokenClaims {
  user_id: number;
  username: string;
  user_role: string;
}

export interface Services {
  config: Config;
  users: ReturnType<typeof usersRepository>;
  roles: ReturnType<typeof rolesRepository>;
  settings: ReturnType<typeof settingsRepository>;
  passwords: Passwords;
  metrics: Registry;
  signToken(claims: TokenClaims): string;
}

export function repositories(db: Kysely<Database>) {
  return { users: usersRepository(db), roles: rolesRepository(db), settings: settingsRepository(db) };
}
