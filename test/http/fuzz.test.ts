// Contract fuzz over every operation of openapi.yaml, with requests generated from its schemas
// (test/helpers/arbitraries.ts), as the administrator, as a plain user, with the administrator's access token
// and with no token. Never a 5xx; every answer matches the spec (the shared check in `call`); a valid request is
// never refused as malformed; an invalid one is refused (400, 404, 413 or 415) and leaves every table of the
// database as it was.
import fc from 'fast-check';
import t from 'tap';
import { permissions } from '../../generated/constants.js';
import { loadSpec } from '../../src/http/contract/spec.js';
import { admin, onPostgres, type Reply, startApp, type TestApp } from '../helpers/app.js';
import { invalidRequests, oddHeaders, takesInput, validRequests, type WireRequest } from '../helpers/arbitraries.js';
import { holds, Tally } from '../helpers/fuzz.js';

const operations = (await loadSpec()).getOperations();
// Operations that hash a password (argon2) for valid input get fewer runs.
const hashing = new Set(['register', 'login', 'changePassword', 'resetPassword']);

async function snapshot(app: TestApp): Promise<string> {
  const tables = await app.query<{ name: string }>(
    onPostgres
      ? "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1"
      : "select name from sqlite_master where type = 'table' order by 1",
  );
  const dump: Record<string, unknown> = {};
  for (const { name } of tables) dump[name] = await app.query(`select * from "${name}" order by 1`);
  return JSON.stringify(dump);
}

// `pat`: the administrator's personal access token with every scope.
type Caller = 'admin' | 'plain' | 'pat' | 'none';
const callers = fc.constantFrom<Caller>('admin', 'plain', 'pat', 'none');

for (const operation of operations) {
  t.test(operation.operationId!, async (t) => {
    const app = await startApp(t, { admin });
    const adminToken = await app.adminToken();
    const tokens: Record<Caller, string | undefined> = {
      admin: adminToken,
      plain: await app.tokenFor('plain'),
      pat: await app.accessTokenFor(adminToken, [...permissions]),
      none: undefined,
    };
    await app.register('other', 'other-password');
    // User names and role codes the database holds, for valid requests to use now and then. (Not passwords: a
    // valid request may carry one in its URL, which the log scan would rightly flag.)
    const names = [admin.username, 'plain', 'other', 'admin', 'user'];
    const send = (request: WireRequest, caller: Caller, headers: Record<string, string> = {}): Promise<Reply> => {
      const token = tokens[caller];
      return app.call({
        method: request.method as 'GET',
        url: request.url,
        payload: request.payload,
        headers: { ...headers, ...request.headers, ...(token ? { token } : {}) },
      });
    };

    if (takesInput(operation)) {
      const before = await snapshot(app);
      const tally = new Tally();
      await holds(
        t,
        'invalid requests are refused and change nothing',
        fc.asyncProperty(invalidRequests(operation), callers, async (request, caller) => {
          const reply = await send(request, caller);
          tally.add(`${reply.status} ${request.why.split(':')[0]!.split(' ').slice(0, 2).join(' ')}`);
          if (![400, 404, 413, 415].includes(reply.status))
            throw new Error(`${request.why}: answered ${reply.status} ${reply.text.slice(0, 300)}`);
          if ((await snapshot(app)) !== before) throw new Error(`${request.why}: the database changed`);
        }),
        80,
        tally,
      );
    }

    const tally = new Tally();
    await holds(
      t,
      'valid requests are served: no 5xx, never refused as malformed',
      fc.asyncProperty(validRequests(operation, names), callers, oddHeaders, async (request, caller, headers) => {
        const reply = await send(request, caller, headers);
        tally.add(`${reply.status} ${reply.json?.errCode ?? ''}`.trim());
        if (reply.status >= 500 || reply.json?.errCode === 1002)
          throw new Error(`answered ${reply.status} ${reply.text.slice(0, 300)}`);
      }),
      hashing.has(operation.operationId!) ? 15 : 40,
      tally,
    );
  });
}
