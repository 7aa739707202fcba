// The command line beside the server: `cms <command>` (the built file), `npm run cli -- <command>` (from source).
// Administrators are created here or from ADMIN_USERNAME/ADMIN_PASSWORD at start, never through an open endpoint.
import './perf/tickShape.js';
import './accounts/threadPool.js';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { read } from 'read';
import { AccessTokenRefused, issueAccessToken } from './accounts/accessTokens.js';
import { AccountError } from './accounts/errors.js';
import { createPasswords } from './accounts/passwords.js';
import { createAdmin, resetPasswordOf } from './accounts/users.js';
import { assetPath } from './assets.js';
import { ConfigError, loadConfig } from './config.js';
import { dumpRows } from './legacy/dump.js';
import { importLegacy } from './legacy/import.js';
import { serve, startUpFailed } from './server.js';
import { connect, migrateWith, migrator, openDatabase } from './storage/connect.js';
import { isPermission, type Permission } from './storage/permissions.js';
import { repositories } from './storage/repositories/index.js';

/** A line from standard input; on a terminal, asked for without echoing what is typed (npm's `read`). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return read({ prompt: 'password:', silent: true, output: process.stderr });
  const rl = createInterface({ input: process.stdin, terminal: false });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return line;
}

type AccountCommand = (
  services: Parameters<typeof createAdmin>[0],
  username: string,
  password: string,
) => Promise<string>;

async function accountCommand(username: string, given: string | undefined, run: AccountCommand): Promise<number> {
  const password = given ?? (await readPassword());
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    process.stdout.write(
      `${await run({ ...repositories(database), passwords: createPasswords() }, username, password)}\n`,
    );
    return 0;
  } finally {
    await database.db.destroy();
  }
}

async function importLegacyCommand(source: string): Promise<number> {
  const live = /^mysql:\/\//.test(source);
  if (!live && !existsSync(source)) throw new AccountError(`no such file: ${source}`);
  // The MySQL driver, a large part of the build, is loaded only to read a live database.
  const mysqlRows = live ? (await import('./legacy/mysql.js')).mysqlRows : undefined;
  const rows = (table: 'role' | 'users') => (mysqlRows ? mysqlRows(source, table) : dumpRows(source, table));
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    const progress = (n: number) => process.stderr.write(`imported ${n} users...\n`);
    const report = await importLegacy(repositories(database), rows('role'), rows('users'), progress);
    const skipped = Object.entries(report.skipped)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([why, n]) => `${n} ${why}`);
    process.stdout.write(
      `imported ${report.imported} users; roles created: ${report.rolesCreated.join(', ') || 'none'}; skipped: ${skipped.join(', ') || 'none'}\n`,
    );
    return 0;
  } finally {
    await database.db.destroy();
  }
}

/** Arguments that are not the command's: its usage follows the message, exit status 2. */
class UsageError extends Error {}

/** `30d` (days from now) or an RFC 3339 date-time, as an RFC 3339 date-time. */
function expiryOf(given: string): string {
  const days = /^(\d{1,5})d$/.exec(given)?.[1];
  const at = days ? Date.now() + Number(days) * 86_400_000 : Date.parse(given);
  if (Number.isNaN(at) || (!days && !/^\d{4}-\d\d-\d\dT/.test(given)))
    throw new UsageError(`--expires takes days (30d) or a date-time (2027-01-31T00:00:00Z), not ${given}`);
  return new Date(at).toISOString();
}

function scopesOf(given: string): Permission[] {
  const scopes = given
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !isPermission(scope));
  if (unknown.length) throw new UsageError(`not a permission: ${unknown.join(', ')}`);
  return [...new Set(scopes)] as Permission[];
}

/** Prints the secret alone on standard output, for `TOKEN=$(cms create-token …)`; what it is, on standard error. */
async function createTokenCommand(
  username: string,
  values: Record<string, string | boolean | undefined>,
): Promise<number> {
  if (typeof values.name !== 'string' || !values.name) throw new UsageError('--name is required');
  if (typeof values.expires !== 'string') throw new UsageError('--expires is required');
  const wanted = {
    name: values.name,
    scopes: scopesOf(typeof values.scopes === 'string' ? values.scopes : ''),
    expiresAt: expiryOf(values.expires),
  };
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    const services = repositories(database);
    const owner = await services.users.findByUsername(username.trim());
    if (!owner) throw new AccountError(`user ${username.trim()} not found`);
    if (owner.status !== 1) throw new AccountError(`user ${owner.username} is disabled`);
    const { row, secret } = await issueAccessToken(services, owner, wanted, (action, target, detail) =>
      services.audit.record({ actor: null, action, target, detail: { ...detail, by: 'cli' }, ip: '' }),
    ).catch((error: unknown) => {
      throw error instanceof AccessTokenRefused ? new AccountError(error.message) : error;
    });
    process.stderr.write(
      `created access token ${row.id} "${row.name}" of ${owner.username}, scopes ${wanted.scopes.join(',') || 'none'}, expires ${row.expires_at}\n`,
    );
    process.stdout.write(`${secret}\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}

async function migrateCommand(direction: string): Promise<number> {
  if (!['up', 'down', 'status'].includes(direction))
    throw new UsageError(`migrate up, down or status, not ${direction}`);
  const config = loadConfig();
  const database = await connect(config.databaseUrl, 1);
  try {
    if (direction === 'status') {
      for (const m of await (await migrator(database)).getMigrations())
        process.stdout.write(`${m.name}  ${m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending'}\n`);
      return 0;
    }
    const { error, results = [] } = await migrateWith(database, (steps) =>
      direction === 'up' ? steps.migrateToLatest() : steps.migrateDown(),
    );
    for (const r of results)
      process.stdout.write(
        `${r.migrationName}: ${r.direction === 'Up' ? 'applied' : 'undone'}${r.status === 'Success' ? '' : ` (${r.status})`}\n`,
      );
    if (error) throw error;
    if (!results.length) process.stdout.write(direction === 'up' ? 'up to date\n' : 'nothing to undo\n');
    return 0;
  } finally {
    await database.db.destroy();
  }
}

const name = 'cms';
const from = '(from a checkout: npm run cli -- <command>)';
const footer = 'DATABASE_URL chooses the database, as for the server.';

/** A command's words and arguments, as `cms <command> --help` prints them and parseArgs reads them. */
interface Command {
  synopsis: string;
  about: string;
  options?: ParseArgsConfig['options'];
  /** The positional arguments' names; a name in brackets may be left out. */
  positionals: string[];
  run(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> | number;
}

const password = { password: { type: 'string' } } as const;

const commands: Record<string, Command> = {
  serve: {
    synopsis: 'serve',
    about: 'Runs the server, as npm start does.',
    positionals: [],
    run: async () => {
      await serve().catch(startUpFailed);
      return serving;
    },
  },
  'create-admin': {
    synopsis: 'create-admin <username> [--password <password>]',
    about:
      'The password is asked for when --password is left out (read from standard input when it is not a terminal).',
    options: password,
    positionals: ['username'],
    run: ([username], { password }) =>
      accountCommand(username!, password as string | undefined, async (services, username, password) => {
        const user = await createAdmin(services, username, password);
        return `created administrator ${user.username} (id ${user.id})`;
      }),
  },
  'reset-password': {
    synopsis: 'reset-password <username> [--password <password>]',
    about:
      "Sets a new password, asked for the same way; the user must change it at the next login. Ends the user's\nsessions and lifts a lockout.",
    options: password,
    positionals: ['username'],
    run: ([username], { password }) =>
      accountCommand(username!, password as string | undefined, async (services, username, password) => {
        const user = await resetPasswordOf(services, username, password);
        return `password of ${user.username} reset; it must be changed at the next login`;
      }),
  },
  'create-token': {
    synopsis: 'create-token <username> --name <name> --expires <30d | date-time> [--scopes <p1,p2>]',
    about: [
      "A personal access token of the user, for a script or CI: its scopes are permissions of the user's role",
      '(none by default), its expiry within accessTokenMaxDays. Prints the secret alone on standard output, once:',
      'only its hash is stored.',
    ].join('\n'),
    options: { name: { type: 'string' }, expires: { type: 'string' }, scopes: { type: 'string' } },
    positionals: ['username'],
    run: ([username], values) => createTokenCommand(username!, values),
  },
  'import-legacy': {
    synopsis: 'import-legacy <mysqldump.sql | mysql://user:password@host:3306/database>',
    about: [
      'Imports the roles and users of the original system (tables role and users), from a mysqldump of its database',
      'or from the database itself.',
      "bcrypt hashes are kept and become argon2id at each user's next login; taken names, deleted users and",
      'passwords that are not bcrypt are left out and counted. Running it again imports nothing twice.',
    ].join('\n'),
    positionals: ['source'],
    run: ([source]) => importLegacyCommand(source!),
  },
  openapi: {
    synopsis: 'openapi',
    about: 'Prints openapi.yaml, the description of the API.',
    positionals: [],
    run: () => {
      process.stdout.write(readFileSync(assetPath('openapi.yaml'), 'utf8'));
      return 0;
    },
  },
  migrate: {
    synopsis: 'migrate [up | down | status]',
    about:
      'up (the default) applies every pending migration, as the server does at start; down undoes the latest one;\nstatus lists each migration and when it was applied.',
    positionals: ['[direction]'],
    run: ([direction = 'up']) => migrateCommand(direction),
  },
};

const indent = (text: string) => text.replace(/^/gm, '      ');
const usageOf = (command: Command) => `usage: ${name} ${command.synopsis}\n${indent(command.about)}\n  ${footer}`;
const usage = [
  `usage: ${name} <command>   ${from}`,
  ...Object.values(commands).map((command) => `  ${command.synopsis}\n${indent(command.about)}`),
  `  ${name} <command> --help prints one command's usage.`,
  `  ${footer}`,
].join('\n');

/** The process keeps running: the server is serving. */
const serving = -1;

/** Positional arguments and options by the command's declaration; a UsageError for anything else. */
function argumentsOf(command: Command, args: string[]) {
  const parse = () => {
    try {
      return parseArgs({
        args,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const { values, positionals } = parse();
  if (values.help) return { help: true as const };
  const required = command.positionals.filter((p) => !p.startsWith('['));
  if (positionals.length < required.length)
    throw new UsageError(
      `missing ${required
        .slice(positionals.length)
        .map((p) => `<${p}>`)
        .join(' ')}`,
    );
  if (positionals.length > command.positionals.length)
    throw new UsageError(`unexpected argument: ${positionals[command.positionals.length]}`);
  return { help: false as const, values, positionals };
}

async function main(argv: string[]): Promise<number> {
  const [commandName = '', ...args] = argv;
  if (['help', '--help', '-h'].includes(commandName)) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, commandName) ? commands[commandName] : undefined;
  if (!command) {
    process.stderr.write(
      `${commandName ? `${name}: unknown command ${commandName}` : `${name}: a command is required`}\n${usage}\n`,
    );
    return 2;
  }
  try {
    const given = argumentsOf(command, args);
    if (given.help) {
      process.stdout.write(`${usageOf(command)}\n`);
      return 0;
    }
    return await command.run(given.positionals, given.values);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${name} ${commandName}: ${error.message}\n${usageOf(command)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => code !== serving && process.exit(code),
  (error: unknown) => {
    const known = error instanceof AccountError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : `failed: ${(error as Error).message}`}\n`);
    process.exit(1);
  },
);
