import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
const app = await buildApp({ ...loadConfig({}), databaseUrl: `sqlite:/tmp/bt/m-${Date.now()}.db`, logLevel: 'silent' });
await app.inject({ url: '/nope/1' });
await app.inject({ method: 'DELETE', url: '/api/v1/user/list' });
console.log((await app.inject({ url: '/metrics' })).body.split('\n').filter(l => l.includes('_count')).join('\n'));
await app.close();
