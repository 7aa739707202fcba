// The console's main pages as PNGs for the README: `npm run screenshots [dir]` (generated/screenshots by default).
// It starts the real server on a fresh SQLite file, gives it accounts that look like a team's (a custom role, a
// locked and a disabled account, an audit trail), and photographs the pages in Debian's Chromium. The PNGs are
// committed but not drift-checked: they carry the day's timestamps.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import type { Page } from 'playwright-core';
import { securityDefaults } from '../generated/constants.js';
import type { paths } from '../generated/openapi.js';
import { start } from './bench-servers.js';
import { launchChromium } from './chromium.js';

const root = new URL('..', import.meta.url).pathname;
const people = [
  'amara.okafor',
  'ben.carter',
  'chen.wei',
  'dana.kowalski',
  'eli.haddad',
  'fatima.rahman',
  'gustavo.lima',
  'hana.suzuki',
  'ivan.petrov',
  'jonas.berg',
  'kofi.mensah',
  'lena.fischer',
  'marco.rossi',
  'nadia.ali',
  'oscar.nilsson',
  'priya.sharma',
  'quinn.murphy',
  'rosa.garcia',
  'sam.taylor',
  'tomas.novak',
  'uma.iyer',
  'victor.dubois',
  'wen.zhao',
  'yusuf.demir',
];

/** The files written, in the order the README shows them. */
export const shots = ['sign-in', 'users', 'roles', 'settings', 'audit'] as const;

/** Starts a server, seeds it, and writes one PNG per page of `shots` into `dir`. */
export async function takeScreenshots(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const data = mkdtempSync(join(tmpdir(), 'cms-screenshots-'));
  const server = await start('src/server.ts', {
    DATABASE_URL: `sqlite:${data}/cms.db`,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password',
    LOGIN_RATE_LIMIT: '0',
    LOG_LEVEL: 'silent',
  });
  const browser = await launchChromium();
  try {
    await seed(server.base);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    const written: string[] = [];
    const shoot = async (name: (typeof shots)[number]) => {
      const file = join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
    };

    await page.goto(`${server.base}/console`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await submitted(page, 'Sign in');
    await page.getByRole('alert').waitFor();
    await shoot('sign-in');

    await page.getByLabel('Password').fill('admin-password');
    await submitted(page, 'Sign in');
    const users = page.getByRole('table', { name: /users · page/ });
    await users.getByRole('button', { name: 'ivan.petrov' }).click();
    await page
      .getByRole('region', { name: 'User ivan.petrov' })
      .getByText(/locked until/)
      .waitFor();
    await page.getByRole('checkbox', { name: 'Select gustavo.lima' }).check();
    await shoot('users');

    await page.getByRole('button', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'Edit Operator' }).click();
    await page.getByRole('form', { name: /Operator/ }).waitFor();
    await shoot('roles');

    await page.getByRole('button', { name: 'Security settings' }).click();
    await page.getByLabel(/Failed logins before lockout/).waitFor();
    await shoot('settings');

    await page.getByRole('button', { name: 'Audit log' }).click();
    await page
      .getByRole('table', { name: /entries · page/ })
      .locator('tbody tr')
      .first()
      .waitFor();
    await shoot('audit');
    return written;
  } finally {
    await browser.close();
    server.child.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

/** Clicks a form's submit button and waits for the API's answer. */
async function submitted(page: Page, button: string) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/')),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** What a seeding call answered, or why it failed (a refusal can come inside a 200, as the original's does). */
async function done<T extends { errCode: number }>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (data?.errCode !== 0) throw new Error(`seeding: ${response.url} answered ${response.status}`);
  return data;
}

/** A team's accounts, through the client typed from the spec: an Operator role held by a few, one locked, one disabled. */
async function seed(baseUrl: string) {
  const api = createClient<paths>({ baseUrl });
  for (const username of people)
    await done(api.POST('/api/v1/user/register', { body: { username, password: 'a-password' } }));
  // Login's success is errCode 1000, the original's; its refusals come inside a 200 too.
  const admin = (await api.POST('/api/v1/user/login', { body: { username: 'admin', password: 'admin-password' } })).data
    ?.data;
  if (!admin || !('token' in admin)) throw new Error('seeding: the administrator could not sign in');
  const { token } = admin;
  const asAdmin = { headers: { token } };
  const role = await done(
    api.POST('/api/v1/role', {
      ...asAdmin,
      body: {
        name: 'Operator',
        code: 'operator',
        desc: 'Looks after accounts day to day; cannot change roles or settings.',
        permissions: ['user:read', 'user:write', 'role:read', 'audit:read'],
      },
    }),
  );
  const listed = await done(api.GET('/api/v1/user/list', { ...asAdmin, params: { query: { pageSize: 100 } } }));
  const id = (username: string) => listed.data.items.find((user) => user.username === username)!.id;
  for (const username of ['chen.wei', 'lena.fischer', 'priya.sharma'])
    await done(
      api.PUT('/api/v1/user/{id}/role', {
        ...asAdmin,
        params: { path: { id: id(username) } },
        body: { role_id: role.data.id },
      }),
    );
  await done(api.POST('/api/v1/user/update', { ...asAdmin, body: { username: 'gustavo.lima', status: false } }));
  // Wrong passwords until the lockout.
  for (let n = 0; n < securityDefaults.loginFail; n++)
    await api.POST('/api/v1/user/login', { body: { username: 'ivan.petrov', password: 'a-wrong-guess' } });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const file of await takeScreenshots(resolve(process.argv[2] ?? join(root, 'generated/screenshots'))))
    console.log(`wrote ${file}`);
