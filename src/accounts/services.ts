// What handlers reach: the repositories and the few services around them. Built once per app (src/app.ts).
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { Passwords } from './passwords.js';
import type { TokenClaims } from './tokens.js';

export interface Services extends Repositories {
  config: Config;
  passwords: Passwords;
  metrics: Registry;
  signToken(claims: TokenClaims): string;
}
