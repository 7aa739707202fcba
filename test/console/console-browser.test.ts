// /console in a real browser (Debian's chromium, driven by playwright-core) against the real server on SQLite,
// every flow an administrator meets and the refusals among them: every answer the page gets is checked against
// openapi.yaml by the shared helper, none is a 5xx, the page logs no error, and axe-core finds no serious or
// critical violation on any view.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import t from 'tap';
import { securityDefaults } from '../../generated/constants.js';
import { launchChromium, chromiumSkip as skip } from '../../scripts/chromium.js';
import { testDatabaseUrl } from '../helpers/app.js';
import { assertMatchesSpec } from '../helpers/contract.js';
import { fetchChecked, startServer } from '../helpers/server.js';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const json = { 'content-type': 'application/json' };

// The page's globals that the functions evaluated in it read (written inline: they run in the page, without the
// test's closures; the test's types have no DOM).
type HTMLLike = {
  getAttribute: (name: string) => string | null;
  labels?: Array<{ textContent: string }>;
  textContent: string;
};
type Outline = { outlineStyle: string; outlineWidth: string };
type InPage = {
  axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; help: string }> }> };
  localStorage: { length: number };
  sessionStorage: { length: number; getItem: (key: string) => string | null };
};

/** A tab on the console whose every answer is checked; `problems` collects what went wrong. */
async function openConsole(browser: Browser, base: string) {
  // A context of its own: its sessionStorage (the token) is not another tab's.
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  const checks: Promise<void>[] = [];
  const sent: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as an error; those are the refusals under test (a 4xx outside the API is
    // caught below).
    const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !refusal) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => sent.push(`${request.method()} ${new URL(request.url()).pathname}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    checks.push(
      (async () => {
        if (response.status() >= 500) problems.push(`${response.status()} for ${url.pathname}`);
        if (response.status() >= 400 && !url.pathname.startsWith('/api/'))
          problems.push(`${response.status()} for ${url.pathname}`);
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
  await page.goto(`${base}/console`);
  await page.getByRole('form', { name: 'Sign in' }).waitFor();
  return { page, problems, checks, sent };
}

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

/** Fills in the sign-in form and waits for login's answer. */
async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/user/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** Clicks a control and waits for the API's answer to the call it makes. */
async function answered(page: Page, path: string | RegExp, click: () => Promise<void>) {
  const response = page.waitForResponse((r) => {
    const pathname = new URL(r.url()).pathname;
    return r.request().method() !== 'GET' && (typeof path === 'string' ? pathname === path : path.test(pathname));
  });
  await click();
  return (await response).status();
}

const alert = (page: Page, text: string | RegExp) => page.getByRole('alert').getByText(text).waitFor();
const status = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text).waitFor();

t.test('the console: every flow and its refusals, in Chromium', { skip }, async (t) => {
  const server = await startServer(t, {
    DATABASE_URL: await testDatabaseUrl(t.testdir()),
    ADMIN_USERNAME: 'boss',
    ADMIN_PASSWORD: 'boss-password',
  });
  for (let n = 0; n < 25; n++) {
    const reply = await fetchChecked(`${server.base}/api/v1/user/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: `member${String(n).padStart(2, '0')}`, password: 'member-password' }),
    });
    t.equal(reply.json.errCode, 0);
  }
  const api = async (path: string, token: string, init: RequestInit = {}) =>
    (await fetchChecked(`${server.base}${path}`, { ...init, headers: { ...json, token } })).json;
  const apiLogin = async (username: string, password: string) =>
    (await api('/api/v1/user/login', '', { method: 'POST', body: JSON.stringify({ username, password }) })).data;

  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const admin = await openConsole(browser, server.base);
  const { page } = admin;
  const users = page.getByRole('table', { name: /users · page/ });

  await t.test('sign-in and its refusals', async (t) => {
    t.same(await violations(page), [], 'sign-in: no serious or critical axe violation');
    await signIn(page, 'boss', 'wrong-password');
    await alert(page, 'Wrong username or password.');
    for (let n = 0; n < securityDefaults.loginFail; n++) await signIn(page, 'member00', 'wrong-password');
    await signIn(page, 'member00', 'member-password'); // locked: even the right password is refused
    await alert(page, /^Too many failed sign-ins: the account is locked until .+\.$/);
    t.same(await violations(page), [], 'sign-in with a refusal shown: no serious or critical axe violation');

    await signIn(page, 'boss', 'boss-password');
    await users.getByRole('button', { name: 'boss', exact: true }).waitFor();
    t.equal(await page.getByText('Loading the console…').count(), 0, 'the placeholder is gone');
    t.equal(await page.evaluate(() => (globalThis as unknown as InPage).localStorage.length), 0, 'no localStorage');
    const session = await page.evaluate(() =>
      JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('cms-console-session') ?? '{}'),
    );
    t.match(session.token, /^eyJ/, 'the token is kept for the tab');
    t.same(
      await page.getByRole('navigation', { name: 'Console' }).getByRole('button').allInnerTexts(),
      ['Users', 'Roles', 'Security settings', 'Audit log', 'My account'],
      'an administrator sees every view',
    );
  });

  await t.test('users: paging by cursor, search, and a slow answer overtaken', async (t) => {
    t.match(await users.locator('caption').innerText(), /^26 users · page 1$/);
    t.equal(await users.locator('tbody tr').count(), 20, 'a page of 20');
    t.same(await violations(page), [], 'users: no serious or critical axe violation');
    await page.getByRole('button', { name: 'Next page' }).click();
    await users.getByRole('button', { name: 'member24' }).waitFor();
    t.equal(await users.locator('tbody tr').count(), 6, 'the rest, through the cursor');
    t.match(await users.locator('caption').innerText(), /page 2$/);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await users.getByRole('button', { name: 'boss', exact: true }).waitFor();

    // A first search answered slowly, overtaken by a second: the page shows the second's answer, not the late one.
    const slow = (url: URL) => url.searchParams.get('keyword') === 'member2';
    await page.route(slow, (route) => setTimeout(() => void route.continue(), 500));
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
    await page.unroute(slow);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    t.same(
      await users.locator('tbody tr td:nth-child(2)').allInnerTexts(),
      Array.from({ length: 10 }, (_, n) => `member1${n}`),
      'the answer to the last search, after the earlier one came in',
    );
    await search('');
    await users.getByText(/^26 users/).waitFor();
  });

  await t.test('roles: create (the spec checked first), edit, and the refusals to delete', async (t) => {
    await page.getByRole('button', { name: 'Roles' }).click();
    const roles = page.getByRole('table', { name: /roles · page/ });
    await roles.getByRole('cell', { name: 'Ordinary user' }).waitFor();
    await page.getByRole('button', { name: 'New role' }).click();
    const form = page.getByRole('form', { name: 'New role' });
    await form.getByLabel('Name').fill('Auditor');
    await form.getByLabel('Code').fill('Not A Code');
    await form.getByRole('checkbox', { name: /^audit:read/ }).check();
    for (const permission of ['user:read', 'role:read', 'role:write'])
      await form.getByRole('checkbox', { name: new RegExp(`^${permission}`) }).check();
    const before = admin.sent.length;
    await form.getByRole('button', { name: 'Save role' }).click();
    await alert(page, 'Not valid: Lower-case identifier, unique among roles.');
    t.equal(await form.getByLabel('Code').evaluate((e) => e === e.ownerDocument.activeElement), true, 'focused');
    t.same(admin.sent.slice(before), [], 'the pattern of RoleCode is checked before anything is sent');
    t.same(await violations(page), [], 'role form with a refusal: no serious or critical axe violation');

    await form.getByLabel('Code').fill('user');
    t.equal(await answered(page, '/api/v1/role', () => form.getByRole('button', { name: 'Save role' }).click()), 409);
    await alert(page, 'role code user already exists');
    await form.getByLabel('Code').fill('auditor');
    await answered(page, '/api/v1/role', () => form.getByRole('button', { name: 'Save role' }).click());
    await status(page, 'Role Auditor saved.');
    await roles.getByRole('cell', { name: 'user:read, role:read, role:write, audit:read' }).waitFor();

    await page.getByRole('button', { name: 'Edit Auditor' }).click();
    const edit = page.getByRole('form', { name: 'Edit role Auditor' });
    await edit.getByLabel('Description').fill('Reads the log and the settings');
    await edit.getByRole('checkbox', { name: /^system:read/ }).check();
    await answered(page, /^\/api\/v1\/role\/\d+$/, () => edit.getByRole('button', { name: 'Save role' }).click());
    await roles.getByRole('cell', { name: 'Reads the log and the settings' }).waitFor();
    await roles.getByRole('cell', { name: 'user:read, role:read, role:write, system:read, audit:read' }).waitFor();

    await page.getByRole('button', { name: 'Delete user' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the role user?' });
    await confirm.getByText(/A role that users hold, or one the server is built on, is refused/).waitFor();
    t.same(await violations(page), [], 'confirmation dialog: no serious or critical axe violation');
    t.equal(await answered(page, /\/role\//, () => confirm.getByRole('button', { name: 'Delete' }).click()), 409);
    await alert(page, 'the user role is built in');

    await page.getByRole('button', { name: 'New role' }).click();
    const temporary = page.getByRole('form', { name: 'New role' });
    await temporary.getByLabel('Name').fill('Temporary');
    await temporary.getByLabel('Code').fill('temporary');
    await answered(page, '/api/v1/role', () => temporary.getByRole('button', { name: 'Save role' }).click());
    await roles.getByRole('cell', { name: 'temporary', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete Temporary' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await status(page, 'Role Temporary deleted.');
    await roles.getByRole('cell', { name: 'temporary', exact: true }).waitFor({ state: 'detached' });
    t.pass('gone from the list, once it is read again');
  });

  await t.test('users: unlock, disable, reset password, change role, login records', async (t) => {
    await page.getByRole('button', { name: 'Users' }).click();
    await users.getByRole('button', { name: 'member00' }).click();
    const panel = page.getByRole('region', { name: 'User member00' });
    await panel.getByText(/locked until/).waitFor();
    const records = panel.getByRole('table', { name: /attempts/ });
    await records.getByRole('cell', { name: 'refused: locked' }).waitFor();
    t.equal(await records.getByRole('cell', { name: 'wrong password' }).count(), securityDefaults.loginFail);
    t.same(await violations(page), [], 'a user opened: no serious or critical axe violation');
    await answered(page, /\/unlock$/, () => panel.getByRole('button', { name: 'Unlock' }).click());
    await status(page, 'member00 is unlocked: the failed sign-ins are forgotten.');
    await users
      .getByRole('row', { name: /member00/ })
      .getByRole('cell', { name: '—' })
      .waitFor();
    t.equal((await apiLogin('member00', 'member-password')).passwordExpired, false, 'member00 signs in again');

    await users.getByRole('button', { name: 'member03' }).click();
    const member03 = page.getByRole('region', { name: 'User member03' });
    const token03 = (await apiLogin('member03', 'member-password')).token;
    await answered(page, '/api/v1/user/update', () => member03.getByRole('button', { name: 'Disable' }).click());
    await status(page, 'member03 is disabled: their sessions have ended.');
    await users
      .getByRole('row', { name: /member03/ })
      .getByRole('cell', { name: 'disabled' })
      .waitFor();
    t.equal((await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token: token03 } })).status, 401);
    await answered(page, '/api/v1/user/update', () => member03.getByRole('button', { name: 'Enable' }).click());
    await users
      .getByRole('row', { name: /member03/ })
      .getByRole('cell', { name: 'enabled' })
      .waitFor();

    await users.getByRole('button', { name: 'member01' }).click();
    const member01 = page.getByRole('region', { name: 'User member01' });
    const reset = member01.getByRole('form', { name: 'Reset password' });
    await reset.getByLabel('New password').fill('short');
    t.equal(await answered(page, /resetPassword$/, () => reset.getByRole('button').click()), 400);
    await alert(page, 'password must be at least 8 characters');
    await reset.getByLabel('New password').fill('temporary-password');
    await answered(page, /resetPassword$/, () => reset.getByRole('button').click());
    await status(page, /member01's password is reset/);
    t.equal((await apiLogin('member01', 'temporary-password')).passwordExpired, true, 'to be changed at sign-in');

    await users.getByRole('button', { name: 'member02' }).click();
    const member02 = page.getByRole('region', { name: 'User member02' });
    const choice = member02.getByRole('form', { name: 'Role' });
    await choice.getByLabel('Filter roles').fill('audit');
    await choice.getByRole('option', { name: 'Auditor (auditor)' }).waitFor({ state: 'attached' });
    await choice.getByLabel('Role', { exact: true }).selectOption({ label: 'Auditor (auditor)' });
    await answered(page, /\/role$/, () => choice.getByRole('button', { name: 'Change role' }).click());
    await status(page, 'Role changed: member02 signs in again.');
    await users
      .getByRole('row', { name: /member02/ })
      .getByRole('cell', { name: 'Auditor' })
      .waitFor();
    await member02.getByRole('button', { name: 'Close' }).click();
  });

  await t.test('users: delete a selection, with the last administrator refused', async (t) => {
    for (const name of ['boss', 'member04']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: 'Delete selected (2)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete 2 users?' });
    await confirm.getByText(/^boss, member04 will be deleted: they can no longer sign in/).waitFor();
    t.equal(await answered(page, '/api/v1/user', () => confirm.getByRole('button', { name: 'Delete' }).click()), 409);
    await alert(page, 'the last enabled administrator cannot be removed');
    t.equal(await users.getByRole('button', { name: 'member04' }).count(), 1, 'nothing deleted');

    await page.getByRole('checkbox', { name: 'Select boss' }).uncheck();
    await page.getByRole('checkbox', { name: 'Select member05' }).check();
    await page.getByRole('button', { name: 'Delete selected (2)' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 2 users?' })
      .getByText(/^member04, member05 will be/)
      .waitFor();
    await answered(page, '/api/v1/user', () =>
      page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click(),
    );
    await users.getByText(/^24 users/).waitFor();
    t.equal(await users.getByRole('button', { name: /^member0[45]$/ }).count(), 0, 'both deleted');
    t.equal(await page.getByRole('button', { name: 'Delete selected (0)' }).isDisabled(), true);
  });

  await t.test('roles: a role in use is not deleted', async () => {
    await page.getByRole('button', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'Delete Auditor' }).click();
    await answered(page, /\/role\//, () => page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click());
    await alert(page, 'role is held by users');
  });

  await t.test('security settings: each with meaning and unit, checked as the spec checks', async (t) => {
    await page.getByRole('button', { name: 'Security settings' }).click();
    const form = page.getByRole('form', { name: 'In force on every instance' });
    const lockout = form.getByLabel('Lockout duration');
    t.equal(await lockout.inputValue(), String(securityDefaults.lockTime));
    await form.getByText('Minutes an account stays locked. 1–525600 minutes').waitFor();
    await form
      .getByText(/^Consecutive failed logins that lock an account; 0 turns lockout off\. 0–100 failed/)
      .waitFor();
    await lockout.fill('0');
    const before = admin.sent.length;
    await form.getByRole('button', { name: 'Save settings' }).click();
    await alert(page, /greater than or equal to 1/);
    t.same(admin.sent.slice(before), [], 'LockTime minimum checked before anything is sent');
    t.same(await violations(page), [], 'settings with a refusal: no serious or critical axe violation');
    await lockout.fill(String(securityDefaults.lockTime));
    await form.getByLabel('Failed logins before lockout').fill('5');
    await form.getByRole('checkbox', { name: /^Open registration/ }).uncheck();
    await answered(page, '/api/v1/system/safe/settings', () =>
      form.getByRole('button', { name: 'Save settings' }).click(),
    );
    await status(page, 'Saved: loginFail, allowRegistration.');
    const token = await page.evaluate(
      () => JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('cms-console-session')!).token,
    );
    const settings = (await api('/api/v1/system/safe/settings', token)).data;
    t.same([settings.loginFail, settings.allowRegistration, settings.lockTime], [5, false, securityDefaults.lockTime]);
  });

  await t.test('audit log: newest first, who / what / when / from where', async (t) => {
    await page.getByRole('button', { name: 'Audit log' }).click();
    const audit = page.getByRole('table', { name: /entries · page 1/ });
    await audit.locator('tbody tr').first().waitFor();
    const first = await audit.locator('tbody tr').first().locator('td').allInnerTexts();
    t.same(first.slice(1, 4), ['boss', 'settings.update', 'settings'], 'the settings change is the newest');
    t.match(first[4], /"loginFail":5/);
    t.equal(first[5], '127.0.0.1');
    t.same(
      (await audit.locator('tbody tr td:nth-child(3)').allInnerTexts()).slice(1, 4),
      ['user.delete', 'user.delete', 'user.role'],
      'then the deletion of two users, then the role change',
    );
    t.same(await violations(page), [], 'audit log: no serious or critical axe violation');
  });

  await t.test('own account: login records', async (t) => {
    await page.getByRole('button', { name: 'My account' }).click();
    const records = page.getByRole('table', { name: /attempts/ });
    await records.getByRole('cell', { name: 'signed in' }).first().waitFor();
    t.same(
      (await records.locator('tbody tr td:nth-child(2)').allInnerTexts()).slice(0, 2),
      ['signed in', 'wrong password'],
      "boss's own attempts, newest first",
    );
    await page.getByRole('form', { name: 'Change password' }).waitFor();
    t.same(await violations(page), [], 'my account: no serious or critical axe violation');
  });

  await t.test("sessions: one of my own ended, and all of a user's", async (t) => {
    const elsewhere = (await apiLogin('boss', 'boss-password')).token as string;
    await page.getByRole('button', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'My account' }).click();
    const mine = page.getByRole('table', { name: /sessions · page/ });
    await mine.getByText(/^2 sessions/).waitFor();
    t.equal(await mine.getByRole('cell', { name: 'this session' }).count(), 1, 'the current one is marked');
    t.same(await violations(page), [], 'my sessions: no serious or critical axe violation');
    await answered(page, /\/sessions\/\d+$/, () => mine.getByRole('button', { name: /^End the session/ }).click());
    await status(page, 'The session from 127.0.0.1 has ended.');
    await mine.getByText(/^1 sessions/).waitFor();
    t.equal((await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token: elsewhere } })).status, 401);

    const phone = (await apiLogin('member08', 'member-password')).token as string;
    await apiLogin('member08', 'member-password');
    await page.getByRole('button', { name: 'Users' }).click();
    await users.getByRole('button', { name: 'member08' }).click();
    const panel = page.getByRole('region', { name: 'User member08' });
    await panel
      .getByRole('table', { name: /sessions · page/ })
      .getByText(/^2 sessions/)
      .waitFor();
    t.same(await violations(page), [], "a user's sessions: no serious or critical axe violation");
    await answered(page, /\/sessions$/, () => panel.getByRole('button', { name: 'End all sessions' }).click());
    await status(page, '2 sessions ended.');
    t.equal((await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token: phone } })).status, 401);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  await t.test("access tokens: one made on my account, its secret shown once, revoked; a user's revoked", async (t) => {
    await page.getByRole('button', { name: 'My account' }).click();
    const form = page.getByRole('form', { name: 'New access token' });
    await form.getByLabel('Name').fill('deploy');
    await form.getByRole('checkbox', { name: /^user:read / }).check();
    t.equal(await answered(page, /\/tokens$/, () => form.getByRole('button', { name: 'Create token' }).click()), 201);
    const secret = await page.getByLabel('The new access token').inputValue();
    t.match(secret, /^cms_pat_[A-Za-z0-9_-]{43}$/, 'the secret is shown');
    const bearer = (path: string) =>
      fetchChecked(`${server.base}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    t.equal((await bearer('/api/v1/user/list')).status, 200, 'and acts with its scope');
    t.equal((await bearer('/api/v1/audit')).status, 403, 'and with no more');
    const mine = page.getByRole('table', { name: /access tokens · page/ });
    await mine.getByText(/^1 access tokens/).waitFor();
    t.same(await mine.locator('tbody tr td:nth-child(2)').allInnerTexts(), ['user:read']);
    t.same(await violations(page), [], 'my access tokens: no serious or critical axe violation');
    await answered(page, /\/tokens\/\d+$/, () =>
      mine.getByRole('button', { name: 'Revoke the access token deploy' }).click(),
    );
    await status(page, 'The access token deploy is revoked.');
    await mine.getByText(/^0 access tokens/).waitFor();
    t.equal((await bearer('/api/v1/user/list')).status, 401, 'a revoked token is refused at once');

    const member = (await apiLogin('member09', 'member-password')).token as string;
    const memberId = JSON.parse(Buffer.from(member.split('.')[1] ?? '', 'base64url').toString()).user_id;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const made = await api(`/api/v1/user/${memberId}/tokens`, member, {
      method: 'POST',
      body: JSON.stringify({ name: 'laptop', scopes: [], expiresAt }),
    });
    t.equal(made.errCode, 0);
    await page.getByRole('button', { name: 'Users' }).click();
    await users.getByRole('button', { name: 'member09' }).click();
    const panel = page.getByRole('region', { name: 'User member09' });
    const theirs = panel.getByRole('table', { name: /access tokens · page/ });
    await theirs.getByRole('cell', { name: 'own account only' }).waitFor();
    t.equal(
      await panel.getByRole('form', { name: 'New access token' }).count(),
      0,
      "no form: a token is its owner's to make",
    );
    await answered(page, /\/tokens\/\d+$/, () =>
      theirs.getByRole('button', { name: 'Revoke the access token laptop' }).click(),
    );
    await status(page, 'The access token laptop is revoked.');
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  await t.test('a user with some permissions sees only their controls, and a 403 is shown', async (t) => {
    const auditor = await openConsole(browser, server.base);
    await signIn(auditor.page, 'member02', 'member-password');
    const nav = auditor.page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('button', { name: 'Users' }).waitFor();
    t.same(await nav.getByRole('button').allInnerTexts(), [
      'Users',
      'Roles',
      'Security settings',
      'Audit log',
      'My account',
    ]);
    const list = auditor.page.getByRole('table', { name: /users · page/ });
    await list.getByRole('button', { name: 'boss' }).click();
    const panel = auditor.page.getByRole('region', { name: 'User boss' });
    await panel.getByRole('table', { name: /attempts/ }).waitFor();
    const writes = panel.getByRole('button', { name: /^(Enable|Disable|Unlock|Reset password|Change role)$/ });
    t.equal(await writes.count(), 0, 'no user:write controls');
    t.equal(await panel.getByRole('form').count(), 0, 'no forms to reset a password or change a role');
    t.equal(await auditor.page.getByRole('checkbox').count(), 0, 'no selection to delete');
    t.equal(await auditor.page.getByRole('button', { name: /Delete selected/ }).count(), 0);

    await nav.getByRole('button', { name: 'Security settings' }).click();
    const settings = auditor.page.getByRole('group', { name: /you may read them, not change them/ });
    t.equal(await settings.getByLabel('Failed logins before lockout').inputValue(), '5');
    t.equal(await settings.getByLabel('Failed logins before lockout').isDisabled(), true, 'read only');
    t.equal(await auditor.page.getByRole('button', { name: 'Save settings' }).count(), 0);
    t.same(await violations(auditor.page), [], 'read-only settings: no serious or critical axe violation');

    await nav.getByRole('button', { name: 'Roles' }).click();
    await auditor.page.getByRole('button', { name: 'New role' }).click();
    // Meanwhile an administrator takes role:write from the role: the control is still on the page.
    const token = await page.evaluate(
      () => JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('cms-console-session')!).token,
    );
    const roles = (await api('/api/v1/role?keyword=auditor', token)).data.items;
    const changed = await api(`/api/v1/role/${roles[0].id}`, token, {
      method: 'PUT',
      body: JSON.stringify({ permissions: ['user:read', 'role:read', 'system:read', 'audit:read'] }),
    });
    t.equal(changed.errCode, 0);
    const form = auditor.page.getByRole('form', { name: 'New role' });
    await form.getByLabel('Name').fill('Sneaky');
    await form.getByLabel('Code').fill('sneaky');
    t.equal(
      await answered(auditor.page, '/api/v1/role', () => form.getByRole('button', { name: 'Save role' }).click()),
      403,
    );
    await alert(auditor.page, 'permission denied: needs role:write');
    t.same(await violations(auditor.page), [], 'a 403 shown: no serious or critical axe violation');
    await Promise.all(auditor.checks);
    t.same(auditor.problems, [], "the auditor's tab: every answer matches the spec, no page error");
  });

  await t.test('a user without permissions: their own row and account only', async (t) => {
    const member = await openConsole(browser, server.base);
    await signIn(member.page, 'member06', 'member-password');
    const nav = member.page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('button', { name: 'Users' }).waitFor();
    t.same(await nav.getByRole('button').allInnerTexts(), ['Users', 'My account']);
    const list = member.page.getByRole('table', { name: /users · page/ });
    await list.getByText(/^1 users/).waitFor();
    t.same(await list.locator('tbody tr td:first-child').allInnerTexts(), ['member06']);
    await Promise.all(member.checks);
    t.same(member.problems, [], "the member's tab: every answer matches the spec, no page error");
  });

  await t.test('keyboard only: sign in, move between views, the focus always visible', async (t) => {
    const member = await openConsole(browser, server.base);
    const { keyboard } = member.page;
    // What has the focus: its accessible text and whether the focus ring is drawn.
    const focused = () =>
      member.page.evaluate(() => {
        const element = (globalThis as unknown as { document: { activeElement: HTMLLike } }).document.activeElement;
        const style = (globalThis as unknown as { getComputedStyle: (e: HTMLLike) => Outline }).getComputedStyle(
          element,
        );
        return {
          name: element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent,
          ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
    await keyboard.press('Tab');
    t.same(await focused(), { name: 'Username', ring: true }, 'the first Tab reaches the username');
    await keyboard.type('member07');
    await keyboard.press('Tab');
    t.same(await focused(), { name: 'Password', ring: true });
    await keyboard.type('member-password');
    await Promise.all([
      member.page.waitForResponse((response) => response.url().endsWith('/api/v1/user/login')),
      keyboard.press('Enter'),
    ]);
    await member.page.getByRole('table', { name: /users · page/ }).waitFor();
    const seen: string[] = [];
    for (let n = 0; n < 10 && seen.at(-1) !== 'My account'; n++) {
      await keyboard.press('Tab');
      const now = await focused();
      t.ok(now.ring, `the focus on ${now.name} is drawn`);
      seen.push(String(now.name));
    }
    t.equal(seen.at(-1), 'My account', `Tab reaches the views: ${seen.join(', ')}`);
    await keyboard.press('Enter');
    await member.page.getByRole('form', { name: 'Change password' }).waitFor();
    await Promise.all(member.checks);
    t.same(member.problems, [], "the keyboard user's tab: every answer matches the spec, no page error");
  });

  await t.test('sign-out ends the token', async (t) => {
    const token = await page.evaluate(
      () => JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('cms-console-session')!).token,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    t.equal(await page.getByText('Signed out.').count(), 1);
    t.equal(await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.length), 0, 'token gone');
    t.equal((await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } })).status, 401);
  });

  await Promise.all(admin.checks);
  t.ok(admin.checks.length > 50, `${admin.checks.length} answers checked`);
  t.same(admin.problems, [], 'every answer matches the spec, no 5xx, no failed request, no page error');
});
