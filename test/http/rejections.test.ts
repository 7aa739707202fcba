import t from 'tap';
import { bodyLimit } from '../../src/app.js';
import { logCollector, startApp, type TestApp } from '../helpers/app.js';

const register = '/api/v1/user/register';

async function countUsers({ query }: TestApp): Promise<number> {
  return (await query<{ n: number }>('select cast(count(*) as integer) as n from users'))[0]!.n;
}

t.test('bodies outside the contract answer 400 errCode 1002 naming the field, and write nothing', async (t) => {
  const app = await startApp(t);
  const json = { 'content-type': 'application/json' };
  const cases: Array<[string, string | Buffer | undefined, RegExp]> = [
    ['malformed JSON', '{"username": "a",', /body is not valid JSON/],
    ['number for a string', '{"username": 42, "password": "x"}', /body\.username must be string/],
    ['boolean for a string', '{"username": "a", "password": true}', /body\.password must be string/],
    ['unknown field', '{"username": "a", "password": "x", "admin": true}', /unknown field body\.admin/],
    ['missing field', '{"username": "a"}', /missing field body\.password/],
    ['array body', '[]', /body must be object/],
    ['null body', 'null', /body must be object/],
    ['empty body', '', /body is empty/],
    ['no body', undefined, /body is required/],
    ['prototype pollution', '{"__proto__": {"x": 1}, "username": "a", "password": "x"}', /parameters format error/],
    [
      'over-long name',
      JSON.stringify({ username: 'x'.repeat(65), password: 'x' }),
      /body\.username must NOT have more than 64 characters/,
    ],
    ['repeated key', '{"username": "a", "password": "x", "username": "b"}', /body repeats the key "username"/],
    [
      'repeated key, spelled with an escape',
      '{"username": "a", "password": "x", "user\\u006eame": "b"}',
      /body repeats the key "username"/,
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"username": "a'), Buffer.from([0xff, 0xfe]), Buffer.from('", "password": "x"}')]),
      /body is not valid UTF-8/,
    ],
    [
      'nested 100,000 deep',
      `{"username": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "password": "x"}`,
      /body\.username must be string/,
    ],
  ];
  for (const [name, payload, message] of cases) {
    const reply = await app.call({
      method: 'POST',
      url: register,
      headers: payload === undefined ? {} : json,
      payload,
    });
    t.equal(reply.status, 400, name);
    t.equal(reply.json.errCode, 1002, name);
    t.match(reply.json.errMsg, /^parameters format error: /, name);
    t.match(reply.json.errMsg, message, name);
  }
  t.equal(await countUsers(app), 0, 'nothing was written; in particular no user "42"');
});

t.test('a body over 1 MiB answers 413', async (t) => {
  const app = await startApp(t);
  const payload = JSON.stringify({ username: 'big', password: 'x'.repeat(bodyLimit) });
  const reply = await app.call({
    method: 'POST',
    url: register,
    headers: { 'content-type': 'application/json' },
    payload,
  });
  t.equal(reply.status, 413);
  t.equal(reply.json.errCode, 1014);
  t.equal(await countUsers(app), 0);
});

t.test('a body that is not JSON answers 415', async (t) => {
  const app = await startApp(t);
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
    const reply = await app.call({
      method: 'POST',
      url: register,
      headers: { 'content-type': type },
      payload: 'username=a&password=b',
    });
    t.equal(reply.status, 415, type);
    t.equal(reply.json.errCode, 1015);
  }
  t.equal(await countUsers(app), 0);
});

t.test('an unknown route answers 404, a known route with the wrong method 405 with Allow', async (t) => {
  const app = await startApp(t);
  const missing = await app.call({ url: '/api/v1/nothing/here' });
  t.equal(missing.status, 404);
  t.same(missing.json, { errCode: 1012, data: {}, errMsg: 'route not found' });
  const wrong = await app.call({ method: 'DELETE', url: '/api/v1/user/list?page=1' });
  t.equal(wrong.status, 405);
  t.equal(wrong.json.errCode, 1013);
  t.equal(wrong.headers.allow, 'GET, HEAD');
  const putRegister = await app.call({ method: 'PUT', url: register });
  t.equal(putRegister.status, 405);
  t.equal(
    putRegister.headers.allow,
    'POST, GET, HEAD',
    'the methods of /user/register and of /user/{id}, which it also matches',
  );
  const getRegister = await app.call({ url: register });
  t.equal(getRegister.status, 400, 'GET /user/register is getUser with a non-integer id, as the spec routes it');
  t.match(getRegister.json.errMsg, /path\.id must be integer/);
});

t.test('an unhandled fault answers 500 with no stack or SQL, and logs neither', async (t) => {
  const logged = logCollector();
  const app = await startApp(t, { logLevel: 'info' }, { logStream: logged.stream });
  // A real fault: the table disappears under the running server.
  await app.query('alter table users rename to users_gone');
  const reply = await app.call({ method: 'POST', url: register, payload: { username: 'x', password: 'y-password' } });
  t.equal(reply.status, 500);
  t.same(reply.json, { errCode: 1001, data: {}, errMsg: 'server internal error' });
  const log = logged.text();
  t.match(log, /unhandled error/, 'the fault is logged');
  for (const leak of [/select|insert|from "?users/i, /\bat .+\.(ts|js):\d+/, /stack/]) {
    t.notMatch(reply.text, leak, `response carries no ${leak}`);
    t.notMatch(log, leak, `log carries no ${leak}`);
  }
});

t.test('request logs redact the query token', async (t) => {
  const logged = logCollector();
  const app = await startApp(t, { logLevel: 'info' }, { logStream: logged.stream });
  const token = await app.tokenFor('logged');
  await app.call({ url: `/api/v1/user/list?page=1&token=${token}` });
  const log = logged.text();
  t.notMatch(log, token.split('.')[2]!, 'the token is not logged');
  t.notMatch(log, 'secret-pass', 'the password is not logged');
});
