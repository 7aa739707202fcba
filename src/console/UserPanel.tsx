import { useSignal, useSignalEffect } from '@preact/signals';
import { queryFields, requestFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { AccessTokens } from './AccessTokens.js';
import { may, mayForOthers } from './access.js';
import { api, type Outcome, outcome } from './api.js';
import { Done, Field, Form, Refusal } from './Field.js';
import { LoginRecords } from './LoginRecords.js';
import { Sessions } from './Sessions.js';
import { session } from './session.js';

type User = components['schemas']['User'];
type Role = components['schemas']['Role'];

/** One user and what the signed-in user may do to them; each action answers the user as it is now. */
export function UserPanel({
  user,
  onChange,
  onClose,
}: {
  user: User;
  onChange: (user: User) => void;
  onClose: () => void;
}) {
  const done = useSignal('');
  const refusal = useSignal('');
  const path = { params: { path: { id: user.id } } };

  // An action's answer: the user as it is now, or the refusal (a form shows its own; a button's is shown here).
  const act = async (answer: Promise<Outcome<{ data: User }>>, success: string) => {
    const result = await answer;
    done.value = result.ok ? success : '';
    if (result.ok) onChange(result.data.data);
    return result.ok ? undefined : result.refusal;
  };
  const press = async (call: Promise<{ data?: { data: User } }>, success: string) => {
    refusal.value = (await act(outcome(call), success)) ?? '';
  };

  const self = session.value?.id === user.id;
  return (
    <section class="panel" aria-labelledby="user-title">
      <div class="panel-head">
        <h2 id="user-title">User {user.username}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        {user.status ? 'Enabled' : 'Disabled'} · role {user.role.name}
        {user.lockedUntil ? ` · locked until ${new Date(user.lockedUntil).toLocaleString()}` : ''}
      </p>
      <Done text={done.value} />
      <Refusal text={refusal.value} />
      <div class="actions">
        {may('updateUser') && (
          <button
            type="button"
            onClick={() =>
              press(
                api.POST('/api/v1/user/update', { body: { username: user.username, status: !user.status } }),
                user.status
                  ? `${user.username} is disabled: their sessions have ended.`
                  : `${user.username} is enabled.`,
              )
            }
          >
            {user.status ? 'Disable' : 'Enable'}
          </button>
        )}
        {may('unlockUser') && (
          <button
            type="button"
            onClick={() =>
              press(
                api.POST('/api/v1/user/{id}/unlock', path),
                `${user.username} is unlocked: the failed sign-ins are forgotten.`,
              )
            }
          >
            Unlock
          </button>
        )}
      </div>
      {may('setUserRole') && may('listRoles') && (
        <RoleChoice
          user={user}
          onChoose={(roleId) => act(setRole(user.id, roleId), `Role changed: ${user.username} signs in again.`)}
        />
      )}
      {may('resetPassword') && <ResetPassword user={user} act={act} />}
      {!self && mayForOthers('listSessions') && <Sessions userId={user.id} title="Sessions" own={false} />}
      {!self && mayForOthers('listAccessTokens') && <AccessTokens userId={user.id} title="Access tokens" own={false} />}
      {(self || mayForOthers('listLoginRecords')) && <LoginRecords userId={user.id} title="Login records" />}
    </section>
  );
}

const setRole = (id: number, roleId: number) =>
  outcome(api.PUT('/api/v1/user/{id}/role', { params: { path: { id } }, body: { role_id: roleId } }));

/** The roles to choose from (the first page of those matching a filter: there may be more than a list can show). */
function RoleChoice({ user, onChoose }: { user: User; onChoose: (roleId: number) => Promise<string | undefined> }) {
  const filter = useSignal('');
  const roles = useSignal<Role[]>([]);
  const chosen = useSignal(String(user.role_id));
  useSignalEffect(() => {
    let stale = false;
    const keyword = filter.value.trim();
    void outcome(
      api.GET('/api/v1/role', { params: { query: { pageSize: 100, ...(keyword ? { keyword } : {}) } } }),
    ).then((answer) => {
      if (!stale && answer.ok) roles.value = answer.data.data.items;
    });
    return () => {
      stale = true;
    };
  });
  return (
    <Form title="Role" heading="h3" action="Change role" class="inline" submit={() => onChoose(Number(chosen.value))}>
      <Field label="Filter roles" value={filter} type="search" schema={queryFields.listRoles.keyword} />
      <div class="field">
        <label for="role-choice">Role</label>
        <select id="role-choice" value={chosen.value} onChange={(e) => (chosen.value = e.currentTarget.value)}>
          {roles.value.map((role) => (
            <option key={role.id} value={String(role.id)}>
              {role.name} ({role.code})
            </option>
          ))}
        </select>
      </div>
    </Form>
  );
}

function ResetPassword({
  user,
  act,
}: {
  user: User;
  act: (answer: Promise<Outcome<{ data: User }>>, success: string) => Promise<string | undefined>;
}) {
  const password = useSignal('');
  return (
    <Form
      title="Reset password"
      heading="h3"
      action="Reset password"
      class="inline"
      submit={() =>
        act(
          outcome(
            api.POST('/api/v1/user/{id}/resetPassword', {
              params: { path: { id: user.id } },
              body: { new_password: password.value },
            }),
          ),
          `${user.username}'s password is reset: they must choose a new one when they next sign in.`,
        )
      }
    >
      <Field
        label="New password"
        value={password}
        type="password"
        autocomplete="new-password"
        schema={requestFields.resetPassword.new_password}
      />
    </Form>
  );
}
