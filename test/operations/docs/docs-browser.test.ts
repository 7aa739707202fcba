// /docs in a real browser (Debian's chromium, driven by playwright-core): every operation of the spec is on the
// page, and a user logs in and lists users through the page's own "Try it out", as a person would.
import type { Page } from 'playwright-core';
import t from 'tap';
import { launchChromium, chromiumSkip as skip } from '../../../scripts/chromium.js';
import { loadSpec } from '../../../src/http/contract/spec.js';
import { testDatabaseUrl } from '../../helpers/app.js';
import { startServer } from '../../helpers/server.js';

/** Opens an operation's block (in "Try it out" mode from the start: docs.js asks for it), lets `fill` fill it
 * in, executes, and answers the live response. */
async function tryItOut(
  page: Page,
  blockId: string,
  fill: (block: ReturnType<Page['locator']>) => Promise<void> = async () => {},
) {
  const block = page.locator(`#${blockId}`);
  await block.locator('.opblock-summary').first().click();
  await fill(block);
  await block.locator('button.execute').click();
  const live = block.locator('.live-responses-table .response').first();
  await live.waitFor();
  return {
    status: (await live.locator('.response-col_status').innerText()).trim(),
    body: await live.locator('.response-col_description pre').first().innerText(),
  };
}

t.test('the reference lists every operation; login and the user list work from the page', { skip }, async (t) => {
  const server = await startServer(t, {
    DATABASE_URL: await testDatabaseUrl(t.testdir()),
    ADMIN_USERNAME: 'boss',
    ADMIN_PASSWORD: 'boss-password',
  });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && failed.push(message.text()));
  await page.goto(`${server.base}/docs`);
  await page.locator('.opblock').first().waitFor();

  for (const operation of (await loadSpec()).getOperations()) {
    const id = `operations-${operation.tags![0]}-${operation.operationId}`;
    t.equal(await page.locator(`#${id}`).count(), 1, `${operation.operationId} is on the page`);
  }

  const login = await tryItOut(page, 'operations-user-login', async (block) => {
    await block
      .locator('textarea.body-param__text')
      .fill(JSON.stringify({ username: 'boss', password: 'boss-password' }));
  });
  t.equal(login.status, '200');
  const token = (JSON.parse(login.body) as { data: { token: string } }).data.token;
  t.match(token, /^eyJ/, 'logged in through "Try it out"');

  await page.locator('button.authorize').first().click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('input[type=text]').first().fill(token);
  await dialog.locator('button.authorize').first().click();
  await dialog.locator('button.btn-done').first().click();

  const list = await tryItOut(page, 'operations-user-listUsers');
  t.equal(list.status, '200');
  t.match(
    JSON.parse(list.body),
    { errCode: 0, data: { user: { username: 'boss' }, total: 1 } },
    'the user list, with the token from the page',
  );
  t.same(failed, [], 'no request of the page failed, no script error (nothing from a CDN, nothing blocked by the CSP)');
});
