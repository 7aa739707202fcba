// argon2id hashing, bounded so a login storm cannot starve every other request of CPU. Hashes imported from the
// original system (bcrypt) verify too (natively, on libuv's thread pool like argon2, never on the event loop), and
// are replaced by argon2id on the next successful login.

import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
import argon2 from 'argon2';
import { createLimiter } from '../storage/limiter.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const isBcrypt = (hash: string) => /^\$2[aby]\$/.test(hash);

export interface Passwords {
  hash(password: string): Promise<string>;
  /** Verifies against `hash`, or against a dummy hash when there is none, so unknown users cost the same. */
  verify(hash: string | undefined, password: string): Promise<boolean>;
  /** Whether a verified hash should be replaced by a fresh argon2id hash. */
  isLegacy(hash: string): boolean;
}

export function createPasswords({ concurrency = availableParallelism(), queue = 64 } = {}): Passwords {
  // Beyond the queue, the limiter throws Saturated: the contract layer answers 503 (busy) with Retry-After.
  const bounded = createLimiter(concurrency, queue);
  // Made in the background: a start does not wait for a hash that only a login for an unknown user needs.
  const dummy = argon2.hash(randomBytes(32), options);
  const check = async (hash: string | undefined, password: string) => {
    const against = hash ?? (await dummy);
    return isBcrypt(against) ? bcryptVerify(password, against) : argon2.verify(against, password);
  };
  return {
    hash: (password) => bounded(() => argon2.hash(password, options)),
    verify: (hash, password) => bounded(async () => (await check(hash, password)) && hash !== undefined),
    isLegacy: isBcrypt,
  };
}
