// Faults a user's data must survive: the server killed with SIGKILL in the middle of writes. Real server processes
// on a real database file (SQLite pass) or PostgreSQL server (PostgreSQL pass).
import t from 'tap';
import { connect, openSqlite } from '../src/storage/connect.js';
import { onPostgres, testDatabaseUrl } from './helpers/app.js';
import { fetchChecked, startServer } from './helpers/server.js';

t.test(
  'kill -9 during a stream of registrations: every acknowledged one is there after restart, the file intact',
  async (t) => {
    const dir = t.testdir();
    const url = await testDatabaseUrl(dir);
    const server = await startServer(t, { DATABASE_URL: url });
    const acknowledged: string[] = [];
    let killed = false;
    let next = 0;
    // Four clients register one name after another until the server dies under them.
    const client = async () => {
      while (!killed) {
        const username = `crash${next++}`;
        try {
          const reply = await fetchChecked(`${server.base}/api/v1/user/register`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: 'crash-password' }),
          });
          if (reply.json.errCode === 0) acknowledged.push(username);
        } catch {
          // The connection died with the server: this one was never acknowledged.
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    t.equal((await server.exited).signal, 'SIGKILL');
    t.ok(acknowledged.length >= 20, `${acknowledged.length} registrations acknowledged before the kill`);

    const restarted = await startServer(t, { DATABASE_URL: url });
    t.equal(
      (await fetchChecked(`${restarted.base}/api/v1/platform/ready`)).status,
      200,
      'the server starts again on it',
    );
    const database = await connect(url, 1);
    t.teardown(() => database.db.destroy());
    const stored = new Set(
      (await database.db.selectFrom('users').select('username').execute()).map((row) => row.username),
    );
    t.same(
      acknowledged.filter((name) => !stored.has(name)),
      [],
      'no acknowledged registration is lost',
    );
    if (!onPostgres) {
      t.same(
        openSqlite(`${dir}/cms.db`).pragma('integrity_check'),
        [{ integrity_check: 'ok' }],
        'PRAGMA integrity_check',
      );
    }
  },
);

t.test(
  'SIGTERM under load: what is in flight completes within the contract, new connections are refused, exit 0',
  async (t) => {
    const server = await startServer(t, { DATABASE_URL: await testDatabaseUrl(t.testdir()) });
    const statuses: number[] = [];
    const refused: string[] = [];
    let signalled = 0;
    let next = 0;
    const client = async () => {
      for (;;) {
        try {
          // fetchChecked checks every answer against the spec: a 503 outside the envelope would fail here.
          const reply = await fetchChecked(`${server.base}/api/v1/user/register`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: `term${next++}`, password: 'term-password' }),
          });
          statuses.push(reply.status);
        } catch (error) {
          if (!signalled) throw error;
          const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
          // A request sent on a kept-alive connection just as the server closes it as idle finds it closed
          // (UND_ERR_SOCKET), or reset when the close races the request's bytes (ECONNRESET, seen once in CI):
          // HTTP/1.1's keep-alive race, no answer was given. The client tries again, on a new connection.
          if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') continue;
          refused.push(code);
          return;
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    while (statuses.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    signalled = Date.now();
    server.child.kill('SIGTERM');
    await Promise.all(clients);
    const { code } = await server.exited;
    t.equal(code, 0, 'exit code 0');
    t.ok(Date.now() - signalled < 10_000, 'within 10 s');
    t.same([...new Set(statuses)], [200], 'every answer, before and after the signal, is a complete registration');
    t.same(
      refused,
      ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED'],
      'then every client is refused a new connection',
    );
  },
);
