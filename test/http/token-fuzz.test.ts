// Authentication fuzz: from genuine tokens, fast-check alters the header, the claims, the signature or the
// algorithm, moves the time window, or points at users who cannot act; from genuine personal access tokens, it
// alters the secret, or presents one revoked, expired, or of a user who cannot act. None is accepted: every one
// answers 401.
import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import { admin, startApp, testSecret } from '../helpers/app.js';
import { holds } from '../helpers/fuzz.js';
import { claimsOf, forge } from '../helpers/tokens.js';

const hs512 = { alg: 'HS512', typ: 'JWT' };
const { privateKey: rsaKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

type Claims = Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);

/** A genuine token (its parts) and the claims it carries: the material every mutation starts from. */
interface Genuine {
  token: string;
  claims: Claims;
}

const segment = (part: unknown) =>
  Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url');

/** Alterations whose result no one without the secret could have signed. */
const forgeries = (g: Genuine): fc.Arbitrary<[string, string]> => {
  const [header, payload, signature] = g.token.split('.') as [string, string, string];
  return fc.oneof(
    fc
      .constantFrom('none', 'None', 'NONE', 'nOnE')
      .map((alg): [string, string] => [`alg ${alg}`, `${segment({ alg, typ: 'JWT' })}.${payload}.`]),
    fc
      .tuple(
        fc.constantFrom('HS256', 'HS384', 'RS256', 'ES256', 'PS256', 'hs512', 'HS512 ', ''),
        fc.constantFrom('sha256', 'sha384', 'sha512'),
      )
      // RS256 signed as HMAC with the secret: the classic confusion of a public key with an HMAC secret.
      .map(([alg, digest]): [string, string] => [
        `alg ${JSON.stringify(alg)} HMAC-${digest}`,
        forge({ alg, typ: 'JWT' }, g.claims, testSecret, digest),
      ]),
    fc.constant(0).map((): [string, string] => {
      const body = `${segment({ alg: 'RS256', typ: 'JWT' })}.${payload}`;
      return [
        'RS256 with a key of its own',
        `${body}.${sign('sha256', Buffer.from(body), rsaKey).toString('base64url')}`,
      ];
    }),
    fc
      .string({ minLength: 32, maxLength: 80 })
      .map((secret): [string, string] => ['another secret', forge(hs512, g.claims, secret)]),
    // One character changed anywhere but the signature's last, whose low bits base64url does not use.
    fc
      .tuple(fc.nat({ max: g.token.length - 2 }), fc.constantFrom(...'ABCxyz019-_.=+/ '))
      .filter(([at, c]) => g.token[at] !== c)
      .map(([at, c]): [string, string] => [
        `character ${at} → ${JSON.stringify(c)}`,
        g.token.slice(0, at) + c + g.token.slice(at + 1),
      ]),
    fc
      .jsonValue({ maxDepth: 2 })
      .map((value): [string, string] => [
        'claims replaced, signature kept',
        `${header}.${segment(value as object)}.${signature}`,
      ]),
    fc
      .record(
        {
          kid: fc.constantFrom('../../../../dev/null', "' or 1=1 --", ''),
          jku: fc.constant('https://attacker.example/jwks.json'),
          jwk: fc.constant({ kty: 'oct', k: segment('x') }),
        },
        { requiredKeys: [] },
      )
      .filter((extra) => Object.keys(extra).length > 0)
      .map((extra): [string, string] => [
        'header fields added, signature kept',
        `${segment({ ...hs512, ...extra })}.${payload}.${signature}`,
      ]),
    fc
      .constantFrom(
        `${header}.${payload}`,
        `${header}.${payload}.${signature}.${signature}`,
        `${payload}.${header}.${signature}`,
        `${g.token}=`,
        `${g.token}.`,
        'null',
        '..',
        '',
        `${header}..${signature}`,
      )
      .map((token): [string, string] => ['rearranged', token]),
    fc.string({ maxLength: 8192 }).map((token): [string, string] => ['noise', token]),
  );
};

/** Tokens signed with the real secret whose claims must still be refused. */
const refusedClaims = (g: Genuine): fc.Arbitrary<[string, string]> => {
  const t0 = now();
  const withClaims = (why: string, change: (c: Claims) => Claims) =>
    fc.constant(0).map((): [string, string] => [why, forge(hs512, change({ ...g.claims }))]);
  const without = (claim: string) =>
    withClaims(`no ${claim}`, (c) => {
      delete c[claim];
      return c;
    });
  return fc.oneof(
    fc
      .integer({ min: 1, max: 10 ** 8 })
      .map((ago): [string, string] => [
        `expired ${ago}s ago`,
        forge(hs512, { ...g.claims, iat: t0 - ago - 60, exp: t0 - ago }),
      ]),
    fc
      .integer({ min: 5, max: 10 ** 8 })
      .map((ahead): [string, string] => [`not valid for ${ahead}s`, forge(hs512, { ...g.claims, nbf: t0 + ahead })]),
    fc
      .integer({ min: 120, max: 10 ** 8 })
      .map((ahead): [string, string] => [
        `issued ${ahead}s in the future`,
        forge(hs512, { ...g.claims, iat: t0 + ahead, exp: t0 + ahead + 3600 }),
      ]),
    fc
      .integer({ min: 1, max: 10 ** 6 })
      .map((older): [string, string] => [
        `lives ${older}s past JWT_TTL`,
        forge(hs512, { ...g.claims, iat: t0 - 7 * 86_400 - older, exp: t0 + 3600 }),
      ]),
    fc
      .oneof(fc.string(), fc.constant(undefined), fc.constant(null))
      .filter((iss) => iss !== 'platform')
      .map((iss): [string, string] => [`iss ${JSON.stringify(iss)}`, forge(hs512, { ...g.claims, iss })]),
    without('iss'),
    without('exp'),
    without('iat'),
    without('user_id'),
    fc
      .oneof(
        fc.integer({ min: 10_000, max: 2 ** 31 }),
        fc.constantFrom(0, -1, 1.5, 2 ** 53, '1', true, null, [1], { id: 1 }),
      )
      .map((id): [string, string] => [`user_id ${JSON.stringify(id)}`, forge(hs512, { ...g.claims, user_id: id })]),
    // A session that is not the token's user's, or not one at all.
    fc
      .oneof(
        fc.integer({ min: 10_000, max: 2 ** 31 }),
        fc.constantFrom(0, -1, 1.5, 2 ** 53, '1', true, null, [1], { id: 1 }),
      )
      .map((sid): [string, string] => [`sid ${JSON.stringify(sid)}`, forge(hs512, { ...g.claims, sid })]),
    fc
      .integer({ min: 1, max: 1000 })
      .map((ahead): [string, string] => [
        `token version ${ahead} ahead`,
        forge(hs512, { ...g.claims, ver: Number(g.claims.ver ?? 0) + ahead }),
      ]),
  );
};

/** Alterations of a personal access token's secret: any change to it names no token. */
const alteredSecrets = (secret: string): fc.Arbitrary<[string, string]> =>
  fc.oneof(
    fc
      .tuple(fc.nat({ max: secret.length - 1 }), fc.constantFrom(...'ABCxyz019-_.=+/ '))
      .filter(([at, c]) => secret[at] !== c)
      .map(([at, c]): [string, string] => [
        `secret character ${at} → ${JSON.stringify(c)}`,
        secret.slice(0, at) + c + secret.slice(at + 1),
      ]),
    fc.nat({ max: secret.length - 1 }).map((n): [string, string] => [`secret cut to ${n}`, secret.slice(0, n)]),
    fc.string({ minLength: 1, maxLength: 40 }).map((more): [string, string] => ['secret extended', secret + more]),
    fc
      .constantFrom(
        secret.toUpperCase(),
        secret.toLowerCase(),
        `CMS_PAT_${secret.slice(8)}`,
        `cms_pat_${'A'.repeat(43)}`,
      )
      .filter((other) => other !== secret)
      .map((other): [string, string] => ['secret recased or guessed', other]),
    fc.string({ minLength: 43, maxLength: 43 }).map((rest): [string, string] => ['a random secret', `cms_pat_${rest}`]),
  );

t.test('no altered, out-of-time or orphaned token is accepted', async (t) => {
  const app = await startApp(t, { admin });
  const genuine = async (token: string): Promise<Genuine> => ({ token, claims: claimsOf(token) });
  const live = [await genuine(await app.adminToken()), await genuine(await app.tokenFor('plain'))];
  // Genuine tokens of users who can no longer act: disabled, deleted, logged out.
  const gone = [
    await genuine(await app.tokenFor('disabled')),
    await genuine(await app.tokenFor('deleted')),
    await genuine(await app.tokenFor('leaver')),
  ];
  const headers = { token: live[0]!.token };
  const idOf = async (name: string) =>
    (await app.one<{ id: number }>('select id from users where username = ?', name)).id;
  // Personal access tokens: the administrator's, and ones that can no longer act: revoked, expired, of the
  // disabled and the deleted user.
  const secret = await app.accessTokenFor(live[0]!.token, ['user:read', 'system:read', 'role:read']);
  const [revoked, expired] = [await app.accessTokenFor(live[0]!.token), await app.accessTokenFor(live[0]!.token)];
  const goneSecrets = [
    revoked,
    expired,
    await app.accessTokenFor(gone[0]!.token),
    await app.accessTokenFor(gone[1]!.token),
  ];
  const tokenIds = (await app.query<{ id: number }>('select id from access_token order by id')).map((row) => row.id);
  await app.call({
    method: 'DELETE',
    url: `/api/v1/user/${await idOf(admin.username)}/tokens/${tokenIds[1]}`,
    headers,
  });
  await app.query(
    'update access_token set expires_at = ? where id = ?',
    new Date(Date.now() - 1).toISOString(),
    tokenIds[2],
  );
  await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    headers,
    payload: { username: 'disabled', status: false },
  });
  await app.call({ method: 'DELETE', url: '/api/v1/user', headers, payload: { ids: [await idOf('deleted')] } });
  await app.call({ method: 'POST', url: '/api/v1/user/logout', headers: { token: gone[2]!.token } });
  for (const g of [...live, ...gone]) {
    const reply = await app.call({ url: '/api/v1/user/list', headers: { token: g.token } });
    t.equal(reply.status, live.includes(g) ? 200 : 401, `genuine token of ${String(g.claims.username)}`);
  }
  t.equal(
    (await app.call({ url: '/api/v1/user/list', headers: { token: secret } })).status,
    200,
    'a live access token',
  );
  for (const [i, gone] of goneSecrets.entries())
    t.equal(
      (await app.call({ url: '/api/v1/user/list', headers: { token: gone } })).status,
      401,
      `gone access token ${i}`,
    );

  const place = fc.constantFrom('header', 'bearer', 'query');
  const url = fc.constantFrom('/api/v1/user/list', '/api/v1/system/safe/settings', '/api/v1/role');
  const attempt = fc.oneof(
    fc.constantFrom(...live).chain(forgeries),
    fc.constantFrom(...live).chain(refusedClaims),
    fc.constantFrom(...gone).map((g): [string, string] => [`genuine token of ${String(g.claims.username)}`, g.token]),
    alteredSecrets(secret),
    fc.constantFrom(...goneSecrets).map((gone): [string, string] => ['an access token that cannot act', gone]),
  );
  await holds(
    t,
    'every such token answers 401',
    fc.asyncProperty(attempt, place, url, async ([, token], where, path) => {
      const reply = await app.call(
        where === 'query'
          ? { url: `${path}?${new URLSearchParams({ token })}` }
          : { url: path, headers: where === 'header' ? { token } : { authorization: `Bearer ${token}` } },
      );
      // An empty token, or one the header cannot carry, is the same as none: also 401.
      if (reply.status !== 401 || reply.json.errCode !== 1008)
        throw new Error(`answered ${reply.status} ${reply.text}`);
    }),
    400,
  );
});

t.test('a role claimed in a genuine token gives nothing: the role is read from the database', async (t) => {
  const app = await startApp(t, { admin });
  const claims = claimsOf(await app.tokenFor('climber'));
  const token = forge(hs512, { ...claims, user_role: 'admin', username: admin.username });
  const settings = await app.call({ url: '/api/v1/system/safe/settings', headers: { token } });
  t.same([settings.status, settings.json.errCode], [403, 1009]);
  const list = await app.call({ url: '/api/v1/user/list', headers: { token } });
  t.same(
    list.json.data.items.map((u: { username: string }) => u.username),
    ['climber'],
    'sees only itself',
  );
});
