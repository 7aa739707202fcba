import { useSignal } from '@preact/signals';
import { queryFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { may } from './access.js';
import { api, outcome } from './api.js';
import { Confirm } from './Confirm.js';
import { Refusal } from './Field.js';
import { caption, Pager, pageSize, Search, usePages, when } from './paging.js';
import { described } from './session.js';
import { UserPanel } from './UserPanel.js';

type User = components['schemas']['User'];

/** Users, a page at a time, with keyword search; one opened for its actions, several selected for deletion. */
export function Users() {
  const search = useSignal('');
  const chosen = useSignal<Map<number, string>>(new Map());
  const asking = useSignal(false);
  const refusal = useSignal('');
  const opened = useSignal<User | undefined>(undefined);
  const pages = usePages<User>(async (cursor) => {
    const query = { pageSize, ...(search.value ? { keyword: search.value } : {}), ...(cursor ? { cursor } : {}) };
    const answer = await outcome(api.GET('/api/v1/user/list', { params: { query } }));
    if (answer.ok) described(answer.data.data.user);
    return answer;
  });
  const deleting = may('deleteUsers');

  const choose = (user: User, on: boolean) => {
    const next = new Map(chosen.value);
    if (on) next.set(user.id, user.username);
    else next.delete(user.id);
    chosen.value = next;
  };

  const remove = async () => {
    asking.value = false;
    const answer = await outcome(api.DELETE('/api/v1/user', { body: { ids: [...chosen.value.keys()] } }));
    refusal.value = answer.ok ? '' : answer.refusal;
    if (answer.ok) {
      chosen.value = new Map();
      opened.value = undefined;
      pages.reload();
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <Search
        name="Search users"
        label="Username contains"
        keyword={queryFields.listUsers.keyword}
        search={search}
        pages={pages}
      >
        {deleting && (
          <button type="button" class="danger" disabled={chosen.value.size === 0} onClick={() => (asking.value = true)}>
            Delete selected ({chosen.value.size})
          </button>
        )}
      </Search>
      <Refusal text={pages.refusal.value || refusal.value} />
      <table>
        <caption>{caption(pages, 'users')}</caption>
        <thead>
          <tr>
            {deleting && <th scope="col">Select</th>}
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Locked until</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((user) => (
            <tr key={user.id}>
              {deleting && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${user.username}`}
                    checked={chosen.value.has(user.id)}
                    onChange={(e) => choose(user, e.currentTarget.checked)}
                  />
                </td>
              )}
              <td>
                <button type="button" class="link" onClick={() => (opened.value = user)}>
                  {user.username}
                </button>
              </td>
              <td>{user.role.name}</td>
              <td>{user.status ? 'enabled' : 'disabled'}</td>
              <td>{user.lockedUntil ? when(user.lockedUntil) : '—'}</td>
              <td>{when(user.createdAt)}</td>
              <td>{when(user.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label="Pages of users" />
      {opened.value && (
        <UserPanel
          key={opened.value.id}
          user={opened.value}
          onChange={(user) => {
            opened.value = user;
            pages.reload();
          }}
          onClose={() => (opened.value = undefined)}
        />
      )}
      {asking.value && (
        <Confirm
          title={`Delete ${chosen.value.size} ${chosen.value.size === 1 ? 'user' : 'users'}?`}
          action="Delete"
          onConfirm={remove}
          onCancel={() => (asking.value = false)}
        >
          <p>
            {[...chosen.value.values()].join(', ')} will be deleted: they can no longer sign in and every token they
            hold stops working at once. Either all of them are deleted or none is.
          </p>
        </Confirm>
      )}
    </section>
  );
}
