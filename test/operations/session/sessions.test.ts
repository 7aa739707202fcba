// Sessions: each login starts one that its token names; a user sees theirs and ends one or all the others; an
// administrator with user:write does the same for anyone; what ends every session ends them all at once.
import t, { type Test } from 'tap';
import { admin, startApp } from '../../helpers/app.js';

const list = '/api/v1/user/list';
/** The claims of a token, read without checking it (the server checks it). */
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

async function setup(t: Test) {
  const app = await startApp(t, { admin });
  const adminToken = await app.adminToken();
  const as = (token: string) => ({ headers: { token } });
  const signIn = async (username: string, userAgent = 'test-agent/1', password = 'secret-pass') => {
    const reply = await app.call({
      method: 'POST',
      url: '/api/v1/user/login',
      headers: { 'user-agent': userAgent },
      payload: { username, password },
    });
    const token = reply.json.data.token as string;
    return { token, sid: claims(token).sid as number, id: claims(token).user_id as number };
  };
  const works = async (token: string) => (await app.call({ url: list, ...as(token) })).status === 200;
  const sessions = (id: number, token: string) => app.call({ url: `/api/v1/user/${id}/sessions`, ...as(token) });
  return { ...app, adminToken, as, signIn, works, sessions };
}

t.test('each login starts a session; the list marks the current one; each ends alone', async (t) => {
  const app = await setup(t);
  await app.register('alice');
  const laptop = await app.signIn('alice', 'laptop/1');
  const phone = await app.signIn('alice', 'phone/2');
  const ci = await app.signIn('alice', 'ci/3');
  t.ok(laptop.sid < phone.sid && phone.sid < ci.sid, 'the token names its session');

  const listed = await app.sessions(laptop.id, laptop.token);
  t.match(listed.json.data, { total: 3, totalExact: true, nextCursor: null });
  t.same(
    listed.json.data.items.map((s: { id: number; userAgent: string; current: boolean; ip: string }) => [
      s.id,
      s.userAgent,
      s.current,
      s.ip,
    ]),
    [
      [ci.sid, 'ci/3', false, '127.0.0.1'],
      [phone.sid, 'phone/2', false, '127.0.0.1'],
      [laptop.sid, 'laptop/1', true, '127.0.0.1'],
    ],
    'newest first, the asking one marked',
  );
  const paged = await app.call({ url: `/api/v1/user/${laptop.id}/sessions?pageSize=2`, ...app.as(laptop.token) });
  t.equal(paged.json.data.items.length, 2);
  const rest = await app.call({
    url: `/api/v1/user/${laptop.id}/sessions?pageSize=2&cursor=${paged.json.data.nextCursor}`,
    ...app.as(laptop.token),
  });
  t.same(
    rest.json.data.items.map((s: { id: number }) => s.id),
    [laptop.sid],
    'the cursor continues',
  );

  const ended = await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${laptop.id}/sessions/${phone.sid}`,
    ...app.as(laptop.token),
  });
  t.match(ended.json, { errCode: 0, errMsg: 'session ended' });
  t.equal(await app.works(phone.token), false, "the ended session's token answers 401 at once");
  t.equal(await app.works(laptop.token), true, 'the others go on');
  t.equal(await app.works(ci.token), true);
  const again = await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${laptop.id}/sessions/${phone.sid}`,
    ...app.as(laptop.token),
  });
  t.match({ status: again.status, errCode: again.json.errCode }, { status: 404, errCode: 1028 });

  const others = await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${laptop.id}/sessions`,
    ...app.as(laptop.token),
  });
  t.match(others.json, { errCode: 0, data: { ended: 1 } }, 'all but the asking one');
  t.equal(await app.works(ci.token), false);
  t.equal(await app.works(laptop.token), true);
  t.equal((await app.sessions(laptop.id, laptop.token)).json.data.total, 1);

  const out = await app.call({ method: 'POST', url: '/api/v1/user/logout', ...app.as(laptop.token) });
  t.equal(out.json.errCode, 0);
  t.equal(await app.works(laptop.token), false, 'logout ends the current session');
  const next = await app.signIn('alice');
  t.equal(await app.works(next.token), true, 'and a new login starts another');
  t.equal((await app.sessions(next.id, next.token)).json.data.total, 1);
});

t.test('logout ends its own session only; password change, reset, disable and role change end all', async (t) => {
  const app = await setup(t);
  await app.register('bob');
  const one = await app.signIn('bob');
  const two = await app.signIn('bob');
  await app.call({ method: 'POST', url: '/api/v1/user/logout', ...app.as(one.token) });
  t.equal(await app.works(one.token), false);
  t.equal(await app.works(two.token), true, "another device's session goes on after a logout");

  // Each case ends the sessions of two fresh logins; the password changes on the way (reset is last: it makes the
  // password one to change, which only changePassword and logout accept).
  let password = 'secret-pass';
  const ends: Array<[string, (token: string) => Promise<unknown>]> = [
    [
      'password change',
      async (token) => {
        await app.call({
          method: 'POST',
          url: '/api/v1/user/changePassword',
          ...app.as(token),
          payload: { old_password: password, new_password: 'changed-pass' },
        });
        password = 'changed-pass';
      },
    ],
    [
      'disable',
      async () => {
        for (const status of [false, true])
          await app.call({
            method: 'POST',
            url: '/api/v1/user/update',
            ...app.as(app.adminToken),
            payload: { username: 'bob', status },
          });
      },
    ],
    [
      'role change',
      () =>
        app.call({
          method: 'PUT',
          url: `/api/v1/user/${one.id}/role`,
          ...app.as(app.adminToken),
          payload: { role_id: 2 },
        }),
    ],
    [
      'reset',
      () =>
        app.call({
          method: 'POST',
          url: `/api/v1/user/${one.id}/resetPassword`,
          ...app.as(app.adminToken),
          payload: { new_password: password },
        }),
    ],
  ];
  for (const [what, end] of ends) {
    const a = await app.signIn('bob', 'a', password);
    const b = await app.signIn('bob', 'b', password);
    await end(a.token);
    t.same([await app.works(a.token), await app.works(b.token)], [false, false], `${what}: every session ends`);
    const after = await app.signIn('bob', 'after', password);
    const shown = await app.sessions(after.id, app.adminToken);
    t.same(
      shown.json.data.items.map((s: { id: number }) => s.id),
      [after.sid],
      `${what}: the ended sessions are not listed`,
    );
  }
});

t.test('administrators list and end anyone’s sessions; others reach only their own', async (t) => {
  const app = await setup(t);
  await app.register('carol');
  await app.register('dave');
  const carol = await app.signIn('carol');
  const dave = await app.signIn('dave');
  const dave2 = await app.signIn('dave');

  const peek = await app.sessions(dave.id, carol.token);
  t.match({ status: peek.status, errCode: peek.json.errCode }, { status: 403, errCode: 1009 });
  const reach = await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${carol.id}/sessions/${dave.sid}`,
    ...app.as(carol.token),
  });
  t.equal(reach.json.errCode, 1028, "another user's session is not found under your own id");
  t.equal(await app.works(dave.token), true, 'and it goes on');
  const all = await app.call({ method: 'DELETE', url: `/api/v1/user/${dave.id}/sessions`, ...app.as(carol.token) });
  t.equal(all.status, 403);

  const seen = await app.sessions(dave.id, app.adminToken);
  t.same(
    seen.json.data.items.map((s: { id: number; current: boolean }) => [s.id, s.current]),
    [
      [dave2.sid, false],
      [dave.sid, false],
    ],
  );
  await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${dave.id}/sessions/${dave.sid}`,
    ...app.as(app.adminToken),
  });
  t.same([await app.works(dave.token), await app.works(dave2.token)], [false, true]);
  const ended = await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${dave.id}/sessions`,
    ...app.as(app.adminToken),
  });
  t.equal(ended.json.data.ended, 1, "another user's sessions end, all of them");
  t.equal(await app.works(dave2.token), false);
  t.equal(await app.works(app.adminToken), true, "the administrator's own session is not theirs to end");
  const missing = await app.sessions(4242, app.adminToken);
  t.equal(missing.json.errCode, 1005);

  const audit = await app.call({ url: '/api/v1/audit?pageSize=3', ...app.as(app.adminToken) });
  t.match(
    audit.json.data.items.map((e: { action: string; target: string; detail: unknown }) => [
      e.action,
      e.target,
      e.detail,
    ]),
    [
      ['session.endAll', `user:${dave.id}`, { ended: 1 }],
      ['session.end', `user:${dave.id}`, { session: dave.sid }],
    ],
    'each end is in the audit log',
  );
});

t.test('a burst: one session ended by twenty requests at once, and used meanwhile', async (t) => {
  const app = await setup(t);
  await app.register('erin');
  const keeper = await app.signIn('erin');
  const victim = await app.signIn('erin');
  const [ends, uses] = await Promise.all([
    Promise.all(
      Array.from({ length: 20 }, () =>
        app.call({
          method: 'DELETE',
          url: `/api/v1/user/${keeper.id}/sessions/${victim.sid}`,
          ...app.as(keeper.token),
        }),
      ),
    ),
    Promise.all(Array.from({ length: 20 }, () => app.works(victim.token))),
  ]);
  t.same(
    ends.map((r) => r.status).sort(),
    ['200', ...Array(19).fill('404')].map(Number),
    'exactly one ended it; the rest found it gone',
  );
  t.ok(uses.length === 20, `uses during the burst: ${uses.filter(Boolean).length} before the end`);
  t.equal(await app.works(victim.token), false, 'after the burst its token is refused');
  t.equal(await app.works(keeper.token), true);
  const { n } = await app.one<{ n: number }>('select count(*) as n from session where user_id = ?', keeper.id);
  t.equal(Number(n), 1, 'one row left');
});

t.test('the last use is written at most every five minutes, not on every request', async (t) => {
  const app = await setup(t);
  await app.register('frank');
  const frank = await app.signIn('frank');
  const used = async () =>
    (await app.one<{ last_used_at: string }>('select last_used_at from session where id = ?', frank.sid)).last_used_at;
  const atLogin = await used();
  await app.works(frank.token);
  t.equal(await used(), atLogin, 'a request within five minutes writes nothing');
  const old = new Date(Date.now() - 6 * 60_000).toISOString();
  await app.query('update session set last_used_at = ? where id = ?', old, frank.sid);
  const before = new Date().toISOString();
  await app.works(frank.token);
  t.ok((await used()) >= before, 'a request after five minutes records its use');
  const listed = await app.sessions(frank.id, frank.token);
  t.ok(listed.json.data.items[0].lastUsedAt >= before, 'and the list shows it');
});

t.test('a token from before sessions is still accepted; its logout revokes every token', async (t) => {
  const app = await setup(t);
  await app.register('gina');
  const current = await app.signIn('gina');
  const legacy = app.app.jwt.sign({ user_id: current.id, username: 'gina', user_role: 'user', ver: 0 });
  t.equal(await app.works(legacy), true);
  const forged = app.app.jwt.sign({ user_id: current.id, username: 'gina', user_role: 'user', ver: 0, sid: 4242 });
  t.equal(await app.works(forged), false, 'a session that does not exist is refused');
  const adminSession = claims(app.adminToken).sid as number;
  const theirs = app.app.jwt.sign({
    user_id: current.id,
    username: 'gina',
    user_role: 'user',
    ver: 0,
    sid: adminSession,
  });
  t.equal(await app.works(theirs), false, "another user's session is refused");
  await app.call({ method: 'POST', url: '/api/v1/user/logout', ...app.as(legacy) });
  t.same([await app.works(legacy), await app.works(current.token)], [false, false]);
});
