import { buildApp } from '/work/main/src/app.ts';
import { loadConfig } from '/work/main/src/config.ts';
import { createPasswords } from '/work/main/src/passwords.ts';
const pw = await createPasswords();
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const app = await buildApp({ ...loadConfig({}), databaseUrl: `sqlite:/tmp/bt/${i}-${Date.now()}.db`, logLevel: 'silent' }, { passwords: pw });
  const t1 = performance.now();
  await app.ready();
  console.log('build', (t1 - t0).toFixed(1), 'ready', (performance.now() - t1).toFixed(1));
  const r = await app.inject({ method: 'POST', url: '/api/v1/user/register', payload: {} });
  console.log(r.statusCode, r.body);
  const r2 = await app.inject({ method: 'POST', url: '/api/v1/user/register', payload: '' , headers: {'content-type':'application/json'}});
  console.log(r2.statusCode, r2.body);
  const r3 = await app.inject({ method: 'POST', url: '/api/v1/user/register' });
  console.log(r3.statusCode, r3.body);
  const r4 = await app.inject({ method: 'POST', url: '/api/v1/user/register', payload: 'hi', headers: {'content-type':'text/plain'} });
  console.log(r4.statusCode, r4.body);
  const r5 = await app.inject({ method: 'POST', url: '/api/v1/user/register', payload: '{"__proto__":{"a":1},"username":"x","password":"y"}', headers: {'content-type':'application/json'} });
  console.log(r5.statusCode, r5.body);
  const r6 = await app.inject({ method: 'GET', url: '/api/v1/user/list?page=abc' });
  console.log(r6.statusCode, r6.body);
  await app.close();
}
