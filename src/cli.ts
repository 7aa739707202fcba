// The command line beside the server: `cms <command>` (the built file), `npm run cli -- <command>` (from source).
// Administrators are created here or from ADMIN_USERNAME/ADMIN_PASSWORD at start, never through an open endpoint.
import './perf/tickShape.js';
import './accounts/threadPool.js';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AccountError } from './accounts/errors.js';
import { createAdmin, resetPasswordOf } from './accounts/users.js';
import { assetPath } from './assets.js';
import { ConfigError, loadConfig } from './config.js';
import { connect, migrateWith, migrator, openDatabase } from './storage/connect.js';
import { dumpRows } from './legacy/dump.js';
import { importLegacy } from './legacy/import.js';
import { createPasswords } from './accounts/passwords.js';
import { repositories } from './storage/repositories/index.js';
import { serve, startUpFailed } from './server.js';

const usage = `usage: cms <command>   (from a checkout: npm run cli -- <command>)
  serve
      Runs the server, as npm start does.
  create-admin <username> [--password <password>]
      The password is asked for when --password is left out (read from standard input when it is not a terminal).
  reset-password <username> [--password <password>]
      Sets a new password, asked for the same way; the user must change it at the next login. Ends the user's
      sessions and lifts a lockout.
  import-legacy <mysqldump.sql | mysql://user:password@host:3306/database>
      Imports the roles and users of the original system (tables role and users), from a mysqldump of its database
      or from the database itself.
      bcrypt hashes are kept and become argon2id at each user's next login; taken names, deleted users and
      passwords that are not bcrypt are left out and counted. Running it again imports nothing twice.
  openapi
      Prints openapi.yaml, the description of the API.
  migrate [up | down | status]
      up (the default) applies every pending migration, as the server does at start; down undoes the latest one;
      status lists each migration and when it was applied.
  DATABASE_URL chooses the database, as for the server.`;

/** A line from standard input; on a terminal, asked for without echoing what is typed. */
async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal });
  if (terminal) {
    process.stderr.write('password: ');
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (terminal) process.stderr.write('\n');
  return line;
}

/** `<username> [--password <password>]`, or undefined when the arguments are not that. */
function userAndPassword(args: string[]): { username: string; password?: string } | undefined {
  const [username, ...rest] = args;
  const flag = rest.indexOf('--password');
  if (!username || username.startsWith('-') || (flag >= 0 && rest[flag + 1] === undefined) || rest.length !== (flag >= 0 ? 2 : 0)) return undefined;
  return { username, ...(flag >= 0 ? { password: rest[flag + 1] } : {}) };
}

type AccountCommand = (services: Parameters<typeof createAdmin>[0], username: string, password: string) => Promise<string>;

async function accountCommand(args: string[], run: AccountCommand): Promise<number> {
  const given = userAndPassword(args);
  if (!given) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const password = given.password ?? (await readPassword());
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    process.stdout.write(`${await run({ ...repositories(database), passwords: createPasswords() }, given.username, password)}\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}

const createAdminCommand = (args: string[]) =>
  accountCommand(args, async (services, username, password) => {
    const user = await createAdmin(services, username, password);
    return `created administrator ${user.username} (id ${user.id})`;
  });

const resetPasswordCommand = (args: string[]) =>
  accountCommand(args, async (services, username, password) => {
    const user = await resetPasswordOf(services, username, password);
    return `password of ${user.username} reset; it must be changed at the next login`;
  });

async function importLegacyCommand(args: string[]): Promise<number> {
  const [dump, ...rest] = args;
  if (!dump || rest.length) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const live = /^mysql:\/\//.test(dump);
  if (!live && !existsSync(dump)) throw new AccountError(`no such file: ${dump}`);
  // The MySQL driver, a fifth of the build, is loaded only to read a live database.
  const mysqlRows = live ? (await import('./legacy/mysql.js')).mysqlRows : undefined;
  const rows = (table: 'role' | 'users') => (mysqlRows ? mysqlRows(dump, table) : dumpRows(dump, table));
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    const progress = (n: number) => process.stderr.write(`imported ${n} users...\n`);
    const report = await importLegacy(repositories(database), rows('role'), rows('users'), progress);
    const skipped = Object.entries(report.skipped).sort(([a], [b]) => a.localeCompare(b)).map(([why, n]) => `${n} ${why}`);
    process.stdout.write(`imported ${report.imported} users; roles created: ${report.rolesCreated.join(', ') || 'none'}; skipped: ${skipped.join(', ') || 'none'}\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}

function openapiCommand(args: string[]): number {
  if (args.length) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  process.stdout.write(readFileSync(assetPath('openapi.yaml'), 'utf8'));
  return 0;
}

async function migrateCommand(args: string[]): Promise<number> {
  const [direction = 'up', ...rest] = args;
  if (!['up', 'down', 'status'].includes(direction) || rest.length) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await connect(config.databaseUrl, 1);
  try {
    if (direction === 'status') {
      for (const m of await (await migrator(database)).getMigrations()) process.stdout.write(`${m.name}  ${m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending'}\n`);
      return 0;
    }
    const { error, results = [] } = await migrateWith(database, (steps) => (direction === 'up' ? steps.migrateToLatest() : steps.migrateDown()));
    for (const r of results) process.stdout.write(`${r.migrationName}: ${r.direction === 'Up' ? 'applied' : 'undone'}${r.status === 'Success' ? '' : ` (${r.status})`}\n`);
    if (error) throw error;
    if (!results.length) process.stdout.write(direction === 'up' ? 'up to date\n' : 'nothing to undo\n');
    return 0;
  } finally {
    await database.db.destroy();
  }
}

const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  'create-admin': createAdminCommand,
  'reset-password': resetPasswordCommand,
  'import-legacy': importLegacyCommand,
  migrate: migrateCommand,
  openapi: openapiCommand,
};

async function main(argv: string[]): Promise<number | 'serving'> {
  const [command = '', ...args] = argv;
  if (command === 'serve' && !args.length) {
    await serve().catch(startUpFailed);
    return 'serving';
  }
  const run = commands[command];
  if (run) return run(args);
  process.stderr.write(`${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => code !== 'serving' && process.exit(code),
  (error: unknown) => {
    const known = error instanceof AccountError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : `failed: ${(error as Error).message}`}\n`);
    process.exit(1);
  },
);
