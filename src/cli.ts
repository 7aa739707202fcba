// The command line beside the server: `npm run cli -- <command>`. Administrators are created here or from
// ADMIN_USERNAME/ADMIN_PASSWORD at start, never through an open endpoint.
import { createInterface } from 'node:readline';
import { AccountError, createAdmin } from './accounts.js';
import { ConfigError, loadConfig } from './config.js';
import { connect, migrateWith, migrator, openDatabase } from './db.js';
import { createPasswords } from './passwords.js';
import { repositories } from './services.js';

const usage = `usage: npm run cli -- <command>
  create-admin <username> [--password <password>]
      The password is asked for when --password is left out (read from standard input when it is not a terminal).
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

async function createAdminCommand(args: string[]): Promise<number> {
  const [username, ...rest] = args;
  const flag = rest.indexOf('--password');
  if (!username || username.startsWith('-') || (flag >= 0 && rest[flag + 1] === undefined) || rest.length !== (flag >= 0 ? 2 : 0)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const password = flag >= 0 ? rest[flag + 1]! : await readPassword();
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  try {
    const user = await createAdmin({ ...repositories(database), passwords: await createPasswords() }, username, password);
    process.stdout.write(`created administrator ${user.username} (id ${user.id})\n`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}

async function migrateCommand(args: string[]): Promise<number> {
  const [direction = 'up', ...rest] = args;
  if (!['up', 'down', 'status'].includes(direction) || rest.length) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = connect(config.databaseUrl, 1);
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

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'create-admin') return createAdminCommand(args);
  if (command === 'migrate') return migrateCommand(args);
  process.stderr.write(`${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof AccountError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : `failed: ${(error as Error).message}`}\n`);
    process.exit(1);
  },
);
