import { useSignal } from '@preact/signals';
import { permissionMeanings, requestFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { api, outcome } from './api.js';
import { Done, Field, Form, Refusal } from './Field.js';
import { caption, Pager, pageSize, usePages, when } from './paging.js';
import { session } from './session.js';

type AccessToken = components['schemas']['AccessToken'];
type Permission = components['schemas']['Permission'];

/**
 * A user's personal access tokens, newest first, each revoked on its own. The signed-in user creates their own
 * here (the API creates them for their owner only), and sees the secret once.
 */
export function AccessTokens({ userId, title, own }: { userId: number; title: string; own: boolean }) {
  const done = useSignal('');
  const refusal = useSignal('');
  const secret = useSignal('');
  const pages = usePages<AccessToken>((cursor) =>
    outcome(
      api.GET('/api/v1/user/{id}/tokens', {
        params: { path: { id: userId }, query: { pageSize, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const revoke = async (token: AccessToken) => {
    const answer = await outcome(
      api.DELETE('/api/v1/user/{id}/tokens/{patId}', { params: { path: { id: userId, patId: token.id } } }),
    );
    refusal.value = answer.ok ? '' : answer.refusal;
    done.value = answer.ok ? `The access token ${token.name} is revoked.` : '';
    if (answer.ok) pages.reload();
  };
  return (
    <section aria-labelledby={`tokens-${userId}`}>
      <h3 id={`tokens-${userId}`}>{title}</h3>
      <Done text={done.value} />
      <Refusal text={pages.refusal.value || refusal.value} />
      <table>
        <caption>{caption(pages, 'access tokens')}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{token.scopes.join(', ') || 'own account only'}</td>
              <td>{when(token.createdAt)}</td>
              <td>{when(token.expiresAt)}</td>
              <td>{token.lastUsedAt ? `${when(token.lastUsedAt)} from ${token.lastUsedIp}` : 'never'}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Revoke the access token ${token.name}`}
                  onClick={() => revoke(token)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label={`Pages of ${title.toLowerCase()}`} />
      {own && (
        <NewAccessToken
          userId={userId}
          onCreated={(created) => {
            secret.value = created;
            done.value = '';
            pages.reload();
          }}
        />
      )}
      {secret.value && (
        <div class="panel" role="status">
          <p>Copy the new token now: it is not shown again.</p>
          <input readOnly aria-label="The new access token" value={secret.value} />
        </div>
      )}
    </section>
  );
}

// The expiry as days from now: what a person chooses; the API takes the date-time.
const days = {
  type: 'integer',
  title: 'Expires in',
  minimum: 1,
  'x-unit': 'days',
  description: 'At most the security setting accessTokenMaxDays.',
  required: true,
};

function NewAccessToken({ userId, onCreated }: { userId: number; onCreated: (secret: string) => void }) {
  const name = useSignal('');
  const expiresIn = useSignal('30');
  const chosen = useSignal<Set<Permission>>(new Set());
  // Scopes are permissions of the user's own role.
  const held = session.value?.role.permissions ?? [];
  const submit = async () => {
    const expiresAt = new Date(Date.now() + Number(expiresIn.value) * 86_400_000).toISOString();
    const scopes = held.filter((p) => chosen.value.has(p));
    const answer = await outcome(
      api.POST('/api/v1/user/{id}/tokens', {
        params: { path: { id: userId } },
        body: { name: name.value, scopes, expiresAt },
      }),
    );
    if (!answer.ok) return answer.refusal;
    name.value = '';
    chosen.value = new Set();
    onCreated(answer.data.data.secret);
    return undefined;
  };
  return (
    <Form title="New access token" heading="h3" action="Create token" submit={submit}>
      <Field label="Name" value={name} schema={requestFields.createAccessToken.name} />
      <Field label="Expires in (days)" value={expiresIn} schema={days} />
      <fieldset>
        <legend>Scopes (none: the token reads and changes this account only)</legend>
        {held.map((permission) => (
          <label class="check" key={permission}>
            <input
              type="checkbox"
              checked={chosen.value.has(permission)}
              onChange={(e) => {
                const next = new Set(chosen.value);
                if (e.currentTarget.checked) next.add(permission);
                else next.delete(permission);
                chosen.value = next;
              }}
            />
            <span>
              {permission} <small class="help">— {permissionMeanings[permission]}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </Form>
  );
}
