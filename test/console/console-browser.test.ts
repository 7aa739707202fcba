// /console in a real browser (Debian's chromium, driven by playwright-core) against the real server on SQLite:
// every answer the page gets is checked against openapi.yaml by the shared helper, none is a 5xx, the page logs
// no error, and axe-core finds no serious or critical violation on any view.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Page } from 'playwright-core';
import t from 'tap';
import { securityDefaults } from '../../generated/constants.js';
import { testDatabaseUrl } from '../helpers/app.js';
import { assertMatchesSpec } from '../helpers/contract.js';
import { fetchChecked, startServer } from '../helpers/server.js';

const executablePath = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
const skip = executablePath || process.env.REQUIRE_CHROMIUM ? false : 'Chromium is not installed (.ci/run installs it)';
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

// The page's globals that the functions evaluated in it read (written inline: they run in the page, without the
// test's closures; the test's types have no DOM).
type InPage = {
  axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; help: string }> }> };
  localStorage: { length: number };
  sessionStorage: { length: number; getItem: (key: string) => string | null };
};

/** axe-core's serious and critical violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply to it.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as InPage;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

t.test('sign-in, its refusals, the user list with search and paging, sign-out', { skip }, async (t) => {
  const server = await startServer(t, {
    DATABASE_URL: await testDatabaseUrl(t.testdir()),
    ADMIN_USERNAME: 'boss',
    ADMIN_PASSWORD: 'boss-password',
  });
  for (let n = 0; n < 25; n++) {
    const reply = await fetchChecked(`${server.base}/api/v1/user/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `member${String(n).padStart(2, '0')}`, password: 'member-password' }),
    });
    t.equal(reply.json.errCode, 0);
  }

  const browser = await chromium.launch({ executablePath: executablePath ?? 'chromium', args: ['--no-sandbox'] });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const problems: string[] = [];
  const checks: Promise<void>[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('requestfinished', async (request) => {
    const status = (await request.response())?.status() ?? 0;
    if (status >= 400 && !request.url().includes('/api/')) problems.push(`${status} for ${request.url()}`);
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    checks.push(
      (async () => {
        if (response.status() >= 500) problems.push(`${response.status()} for ${url.pathname}`);
        await assertMatchesSpec({
          method: response.request().method(),
          url: url.pathname + url.search,
          status: response.status(),
          headers: await response.allHeaders(),
          text: await response.text(),
        });
      })().catch((error: Error) => void problems.push(error.message)),
    );
  });

  await page.goto(`${server.base}/console`);
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.waitFor();
  t.same(await violations(page), [], 'sign-in: no serious or critical axe violation');

  const attempt = async (username: string, password: string) => {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/user/login')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  };
  await attempt('boss', 'wrong-password');
  await page.getByRole('alert').getByText('Wrong username or password.', { exact: true }).waitFor();
  for (let n = 0; n < securityDefaults.loginFail; n++) await attempt('member00', 'wrong-password');
  await attempt('member00', 'member-password'); // locked: even the right password is refused
  await page
    .getByRole('alert')
    .getByText(/^Too many failed sign-ins: the account is locked until .+\.$/)
    .waitFor();
  t.same(await violations(page), [], 'sign-in with a refusal shown: no serious or critical axe violation');

  await attempt('boss', 'boss-password');
  const users = page.getByRole('table');
  await users.getByRole('cell', { name: 'boss', exact: true }).waitFor();
  t.equal(
    await page.evaluate(() => (globalThis as unknown as InPage).localStorage.length),
    0,
    'nothing in localStorage',
  );
  const token = await page.evaluate(
    () => JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('cms-console-session') ?? '{}').token,
  );
  t.match(token, /^eyJ/, 'the token is kept for the tab');
  t.match(await users.locator('caption').innerText(), /^26 users · page 1$/);
  t.equal(await users.locator('tbody tr').count(), 20, 'a page of 20');
  t.same(await violations(page), [], 'users: no serious or critical axe violation');

  await page.getByRole('button', { name: 'Next page' }).click();
  await users.getByRole('cell', { name: 'member24' }).waitFor();
  t.equal(await users.locator('tbody tr').count(), 6, 'the rest, through the cursor');
  t.match(await users.locator('caption').innerText(), /page 2$/);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await users.getByRole('cell', { name: 'boss', exact: true }).waitFor();

  // A first search answered slowly, overtaken by a second: the page shows the second's answer, not the late one.
  await page.route(
    (url) => url.searchParams.get('keyword') === 'member2',
    (route) => setTimeout(() => void route.continue(), 500),
  );
  const lateAnswer = page.waitForResponse((response) => response.url().includes('keyword=member2'));
  const search = async (keyword: string) => {
    await page.getByLabel('Username contains').fill(keyword);
    await page.getByRole('button', { name: 'Search' }).click();
  };
  await search('member2');
  await search('member1');
  await users
    .locator('caption')
    .getByText(/^10 users/)
    .waitFor();
  await lateAnswer;
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  t.same(
    await users.locator('tbody tr td:first-child').allInnerTexts(),
    Array.from({ length: 10 }, (_, n) => `member1${n}`),
    'the answer to the last search, after the earlier one came in',
  );
  const locked = users.getByRole('row', { name: /member00/ });
  t.equal(await locked.count(), 0, 'filtered out');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn.waitFor();
  t.equal(await page.getByText('Signed out.').count(), 1);
  t.equal(
    await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.length),
    0,
    'the token is gone from the tab',
  );
  const after = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } });
  t.equal(after.status, 401, 'and the server no longer accepts it');

  await Promise.all(checks);
  t.ok(checks.length > 10, `${checks.length} answers checked`);
  t.same(problems, [], 'every answer matches the spec, no 5xx, no failed request, no page error');
});
