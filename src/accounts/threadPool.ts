// Imported by the process entries (server.ts, cli.ts) right after tickShape.ts, before libuv's thread pool is
// first used: it is sized once, from UV_THREADPOOL_SIZE. Password work (argon2, bcrypt) runs there, as many hashes
// at once as there are cores (src/accounts/passwords.ts); two threads more keep file-system and DNS work from waiting
// behind them. Libuv's default (4) would hold hashes back on a larger machine, unseen by the hashing queue that
// answers 503.
import { availableParallelism } from 'node:os';

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));
