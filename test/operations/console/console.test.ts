// /console and its two files as served (the page itself is driven in test/console/console-browser.test.ts): the
// strict CSP, the files the page names, CONSOLE=false.
import t from 'tap';
import { startApp } from '../../helpers/app.js';

t.test('the page loads only its own two files, under a CSP without inline script or style', async (t) => {
  const app = await startApp(t);
  const page = await app.call({ url: '/console' });
  t.equal(page.status, 200);
  const csp = String(page.headers['content-security-policy']);
  t.match(csp, /script-src 'self';/);
  t.match(csp, /style-src 'self';/);
  t.notMatch(csp, /unsafe-inline|unsafe-eval/);
  const named = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  t.same(named, ['data:,', '/console/console.css', '/console/console.js']);
  t.notMatch(page.text, /<script>|<style>| style="/, 'nothing inline');
  for (const url of ['/console/console.js', '/console/console.css']) {
    const file = await app.call({ url });
    t.equal(file.status, 200, url);
    t.match(file.text, /^\/[/*] Generated from src\/console/, `${url} is the generated build`);
  }
});

t.test('CONSOLE=false: the page and its files answer 404', async (t) => {
  const app = await startApp(t, { console: false });
  for (const url of ['/console', '/console/console.js', '/console/console.css']) {
    const reply = await app.call({ url });
    t.same([reply.status, reply.json.errCode], [404, 1012], url);
  }
});
