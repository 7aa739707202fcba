import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { collectDefaultMetrics, Registry } from 'prom-client';
import t from 'tap';
import { requestMetrics } from '../../src/observability/metrics.js';
import { onPostgres, startApp } from '../helpers/app.js';

const promtool = [process.env.PROMTOOL, '/usr/bin/promtool', `${process.cwd()}/.cache/promtool/promtool`].find(
  (p) => p && existsSync(p),
);

t.test('metrics: a duration histogram per operation, status and method, plus process metrics', async (t) => {
  const { call, tokenFor } = await startApp(t);
  const token = await tokenFor('metric');
  await call({ url: '/api/v1/platform/ping' });
  await call({ url: '/api/v1/user/list?page=1&keyword=secretword', headers: { token } });
  await call({ url: '/api/v1/no/such/route/12345' });
  const reply = await call({ url: '/metrics' });
  t.equal(reply.status, 200);
  t.match(reply.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const text = reply.text;
  t.match(text, /# TYPE http_request_duration_seconds histogram/);
  t.match(text, /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="ping",status_code="200"\}/);
  t.match(text, /http_request_duration_seconds_count\{method="GET",route="listUsers",status_code="200"\} 1/);
  t.match(text, /http_request_duration_seconds_count\{method="POST",route="register",status_code="200"\} 1/);
  t.match(
    text,
    /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/,
    'unknown routes are counted under one label',
  );
  t.notMatch(text, /secretword|12345|token=/, 'never the raw URL');
  t.notMatch(text, /http_request_summary_seconds/, 'the summary is off');
  t.match(
    text,
    /db_query_duration_seconds_count\{query="users\.findById",outcome="ok"\} \d+/,
    'repository calls are timed by name',
  );
  t.match(text, /db_query_duration_seconds_count\{query="users\.create",outcome="ok"\} 1/);
  if (onPostgres) {
    t.match(text, /db_pool_connections\{state="idle"\} \d+/, 'PostgreSQL pool: idle');
    t.match(text, /db_pool_connections\{state="in_use"\} \d+/, 'PostgreSQL pool: in use');
    t.match(text, /db_pool_waiting_queries \d+/, 'PostgreSQL pool: waiting');
  } else {
    t.notMatch(text, /db_pool_/, 'no pool on SQLite');
  }
  t.match(text, /process_cpu_seconds_total/);
  t.match(text, /nodejs_eventloop_lag_seconds/);
});

t.test(
  "HEAD requests are counted under their operation; the histogram is prom-client's own, so its registry resets it",
  async (t) => {
    const { call } = await startApp(t);
    await call({ method: 'HEAD', url: '/api/v1/platform/ping' });
    t.match(
      (await call({ url: '/metrics' })).text,
      /http_request_duration_seconds_count\{method="HEAD",route="ping",status_code="200"\} 1/,
    );
    const registry = new Registry();
    requestMetrics(registry);
    registry.resetMetrics();
    t.match(await registry.metrics(), /# TYPE http_request_duration_seconds histogram/, 'reset, still registered');
  },
);

t.test('a failing query is counted with outcome="error"', async (t) => {
  const app = await startApp(t);
  await app.query('alter table login_record rename to login_record_gone');
  await app.register('victim', 'victim-password');
  t.equal((await app.login('victim', 'victim-password')).status, 500);
  t.match(
    (await app.call({ url: '/metrics' })).text,
    /db_query_duration_seconds_count\{query="loginRecords\.record",outcome="error"\} 1/,
  );
});

t.test(
  'promtool check metrics: no problem with our own metric names',
  { skip: promtool || process.env.REQUIRE_PROMTOOL ? false : 'promtool is not installed (.ci/run installs it)' },
  async (t) => {
    t.ok(promtool, 'promtool is present');
    const { call } = await startApp(t);
    await call({ url: '/api/v1/platform/ping' });
    await call({ url: '/api/v1/platform/ready' });
    const text = (await call({ url: '/metrics' })).text;
    const result = spawnSync(promtool!, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    t.equal(result.error, undefined, 'promtool ran');
    // prom-client's default process metrics are not ours to rename (it reports gauges named *_total).
    const bare = new Registry();
    collectDefaultMetrics({ register: bare });
    const theirs = new Set((await bare.getMetricsAsJSON()).map((m) => m.name));
    const problems = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim());
    const ours = problems.filter((line) => !theirs.has(line.split(' ')[0] ?? ''));
    t.same(ours, [], 'promtool reports nothing about our metrics');
    t.match(text, /http_request_duration_seconds/, 'our metrics were in the checked text');
    t.match(text, /db_query_duration_seconds/);
    if (problems.length > ours.length) t.comment(`prom-client's own: ${problems.length - ours.length} lint notes`);
  },
);
