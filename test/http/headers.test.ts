// The spec's x-response-headers on every response (the shared spec check enforces it for the whole suite), and
// cross-origin access: off by default, on for the origins of CORS_ORIGINS, with what the spec's operations need.
import t from 'tap';
import { responseHeaders } from '../../generated/constants.js';
import { startApp } from '../helpers/app.js';
import { assertMatchesSpec } from '../helpers/contract.js';

const page = 'https://app.example.com';

t.test('security headers: on answers of every kind, and the shared check fails an answer without them', async (t) => {
  const app = await startApp(t);
  for (const reply of [
    await app.call({ url: '/api/v1/platform/ping' }),
    await app.call({ url: '/nowhere' }),
    await app.call({ url: '/api/v1/user/list' }),
    await app.call({ url: '/metrics' }),
  ]) {
    t.match(reply.headers, responseHeaders, `${reply.status} ${String(reply.headers['content-type'])}`);
  }
  const bare = {
    method: 'GET',
    url: '/api/v1/platform/ping',
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    text: '"pong"',
  };
  await t.rejects(assertMatchesSpec(bare), /lacks x-response-headers: content-security-policy/);
});

t.test('media types: each answer is sent as the exact type its operation declares, parameters aside', async (t) => {
  const app = await startApp(t);
  const metrics = await app.call({ url: '/metrics' });
  t.equal(metrics.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  const sentAs = (type: string) => ({
    method: 'GET',
    url: '/metrics',
    status: metrics.status,
    headers: { ...metrics.headers, 'content-type': type },
    text: metrics.text,
  });
  await t.resolves(assertMatchesSpec(sentAs('Text/Plain')), 'case and parameters do not matter');
  // A prefix of a declared type is another type: a client choosing its reader by media type would miss it.
  await t.rejects(assertMatchesSpec(sentAs('text/plainly; version=0.0.4')), /is not one of text\/plain/);
  await t.rejects(assertMatchesSpec(sentAs('application/json')), /is not one of text\/plain/);
});

t.test('CORS is off unless CORS_ORIGINS is set', async (t) => {
  const app = await startApp(t);
  const reply = await app.call({ url: '/api/v1/platform/ping', headers: { origin: page } });
  t.equal(reply.headers['access-control-allow-origin'], undefined, 'no CORS header for a cross-origin request');
  const preflight = await app.call({
    method: 'OPTIONS',
    url: '/api/v1/user/list',
    headers: { origin: page, 'access-control-request-method': 'GET' },
  });
  t.equal(preflight.status, 405, 'a preflight is a method the route does not have');
  t.equal(preflight.headers['access-control-allow-origin'], undefined);
});

t.test(
  'with CORS_ORIGINS: those origins may call, with the methods and headers the spec uses; others may not',
  async (t) => {
    const app = await startApp(t, { corsOrigins: [page] });
    const token = await app.tokenFor('browser');
    const allowed = await app.call({ url: '/api/v1/user/list', headers: { origin: page, token } });
    t.equal(allowed.status, 200);
    t.equal(allowed.headers['access-control-allow-origin'], page);
    t.match(allowed.headers['access-control-expose-headers'], /retry-after/);
    const other = await app.call({ url: '/api/v1/user/list', headers: { origin: 'https://evil.example', token } });
    t.equal(other.headers['access-control-allow-origin'], undefined, 'another origin gets no CORS header');
    // The preflight is the CORS plugin's own answer, outside the spec's operations: read it directly.
    const preflight = await app.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/user',
      headers: {
        origin: page,
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'token, content-type',
      },
    });
    t.equal(preflight.statusCode, 204);
    t.equal(preflight.headers['access-control-allow-origin'], page);
    t.same(
      String(preflight.headers['access-control-allow-methods']).split(/,\s*/).sort(),
      ['DELETE', 'GET', 'POST', 'PUT'],
      'the methods of the spec',
    );
    t.same(
      String(preflight.headers['access-control-allow-headers']).split(/,\s*/).sort(),
      ['authorization', 'content-type', 'token'],
      'the headers its security schemes and bodies use',
    );
  },
);
