// The spec served as it is on disk with the instance's own server URL, the interactive reference with its
// files, DOCS=false, and the request id every response carries.
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse } from 'yaml';
import { logCollector, startApp } from '../../helpers/app.js';

const onDisk = async () => readFile(new URL('../../../openapi.yaml', import.meta.url), 'utf8');
const withoutServers = ({ servers: _, ...rest }: Record<string, unknown>) => rest;

t.test('/openapi.yaml and /openapi.json: the document on disk, naming the instance that answers', async (t) => {
  const app = await startApp(t);
  const disk = await onDisk();
  const yaml = await app.call({ url: '/openapi.yaml', headers: { host: 'cms.internal:8080' } });
  t.equal(yaml.status, 200);
  t.match(yaml.headers['content-type'], /^application\/yaml/);
  t.same(withoutServers(parse(yaml.text)), withoutServers(parse(disk)), 'the same document');
  t.same(parse(yaml.text).servers, [{ url: 'http://cms.internal:8080', description: 'this instance' }]);
  t.ok(yaml.text.includes('# Every response names its request'), 'comments kept: the file as written');

  const json = await app.call({ url: '/openapi.json', headers: { host: 'cms.internal:8080' } });
  t.same(withoutServers(json.json), withoutServers(parse(disk)));
  t.same(json.json.servers, [{ url: 'http://cms.internal:8080', description: 'this instance' }]);
});

t.test(
  "a Host header holding replacement patterns ($', $&, $`) is served as written, the document intact",
  async (t) => {
    const app = await startApp(t);
    const disk = await onDisk();
    for (const host of ["evil$'.example", 'a$&b.example', 'x$`y.example:81']) {
      const yaml = await app.call({ url: '/openapi.yaml', headers: { host } });
      t.same(parse(yaml.text).servers, [{ url: `http://${host}`, description: 'this instance' }], host);
      t.same(
        withoutServers(parse(yaml.text)),
        withoutServers(parse(disk)),
        `${host}: the rest of the document as on disk`,
      );
    }
  },
);

t.test('behind a trusted proxy, the server URL is the one the proxy was reached at', async (t) => {
  const app = await startApp(t, { trustProxy: true });
  const json = await app.call({
    url: '/openapi.json',
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' },
  });
  t.equal(json.json.servers[0].url, 'https://api.example.com');
});

t.test('/docs: the reference page and the files it loads, from this server', async (t) => {
  const app = await startApp(t);
  const page = await app.call({ url: '/docs' });
  t.equal(page.status, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.headers['content-security-policy'], /default-src 'self'/, 'its own CSP: the page loads its scripts');
  const loaded = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  t.same(
    loaded.sort(),
    ['data:,', 'docs/docs.js', 'docs/swagger-ui-bundle.js', 'docs/swagger-ui.css'],
    'relative links, so a path prefix in front still works',
  );
  t.notMatch(page.text, /https?:\/\//, 'nothing from a CDN');
  for (const [asset, type] of [
    ['swagger-ui.css', 'text/css'],
    ['swagger-ui-bundle.js', 'text/javascript'],
    ['docs.js', 'text/javascript'],
  ] as const) {
    const file = await app.call({ url: `/docs/${asset}` });
    t.same([file.status, String(file.headers['content-type']).split(';')[0]], [200, type], asset);
    t.ok(file.text.length > 100, `${asset} has content`);
  }
  t.equal((await app.call({ url: '/docs/index.html' })).status, 400, 'only the files the spec lists');
});

t.test('DOCS=false: the document and the reference answer 404', async (t) => {
  const app = await startApp(t, { docs: false });
  for (const url of ['/openapi.yaml', '/openapi.json', '/docs', '/docs/docs.js']) {
    const reply = await app.call({ url });
    t.same([reply.status, reply.json.errCode], [404, 1012], url);
  }
});

t.test("X-Request-Id: the caller's when it is a plain token, else a new UUID; on the log lines too", async (t) => {
  const logged = logCollector();
  const app = await startApp(t, {}, { logStream: logged.stream });
  const generated = await app.call({ url: '/api/v1/platform/ping' });
  t.match(generated.headers['x-request-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  t.not(
    (await app.call({ url: '/api/v1/platform/ping' })).headers['x-request-id'],
    generated.headers['x-request-id'],
    'one per request',
  );
  const kept = await app.call({ url: '/nowhere', headers: { 'x-request-id': 'lb-7f3a.42' } });
  t.equal(kept.headers['x-request-id'], 'lb-7f3a.42', "the caller's, on an error too");
  for (const odd of ['has spaces', 'x'.repeat(65), '{"json":1}']) {
    t.not(
      (await app.call({ url: '/api/v1/platform/ping', headers: { 'x-request-id': odd } })).headers['x-request-id'],
      odd,
      `replaced: ${odd.slice(0, 12)}`,
    );
  }
  const lines = logged
    .text()
    .split('\n')
    .filter((line) => line.includes('lb-7f3a.42'));
  t.ok(lines.length >= 2, "the request's log lines carry it");
  t.ok(lines.every((line) => JSON.parse(line).reqId === 'lb-7f3a.42'));
});
