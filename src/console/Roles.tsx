import { useSignal } from '@preact/signals';
import { queryFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { may } from './access.js';
import { api, outcome } from './api.js';
import { Confirm } from './Confirm.js';
import { Done, Refusal } from './Field.js';
import { caption, Pager, pageSize, Search, usePages } from './paging.js';
import { RoleForm } from './RoleForm.js';

type Role = components['schemas']['Role'];

/** Roles a page at a time; created, edited and deleted by those whose role holds role:write. */
export function Roles() {
  const search = useSignal('');
  const editing = useSignal<Role | 'new' | undefined>(undefined);
  const deleting = useSignal<Role | undefined>(undefined);
  const refusal = useSignal('');
  const done = useSignal('');
  const pages = usePages<Role>((cursor) =>
    outcome(
      api.GET('/api/v1/role', {
        params: {
          query: { pageSize, ...(search.value ? { keyword: search.value } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );

  const remove = async (role: Role) => {
    deleting.value = undefined;
    const answer = await outcome(api.DELETE('/api/v1/role/{id}', { params: { path: { id: role.id } } }));
    refusal.value = answer.ok ? '' : answer.refusal;
    done.value = answer.ok ? `Role ${role.name} deleted.` : '';
    if (answer.ok) pages.reload();
  };

  return (
    <section aria-labelledby="roles-title">
      <h1 id="roles-title">Roles</h1>
      <Search
        name="Search roles"
        label="Name or code contains"
        keyword={queryFields.listRoles.keyword}
        search={search}
        pages={pages}
      >
        {may('createRole') && (
          <button type="button" onClick={() => (editing.value = 'new')}>
            New role
          </button>
        )}
      </Search>
      <Done text={done.value} />
      <Refusal text={pages.refusal.value || refusal.value} />
      <table>
        <caption>{caption(pages, 'roles')}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Code</th>
            <th scope="col">Description</th>
            <th scope="col">Permissions</th>
            {(may('updateRole') || may('deleteRole')) && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((role) => (
            <tr key={role.id}>
              <td>{role.name}</td>
              <td>{role.code}</td>
              <td>{role.desc}</td>
              <td>{role.permissions.join(', ') || '—'}</td>
              {(may('updateRole') || may('deleteRole')) && (
                <td class="actions">
                  {may('updateRole') && (
                    <button type="button" aria-label={`Edit ${role.name}`} onClick={() => (editing.value = role)}>
                      Edit
                    </button>
                  )}
                  {may('deleteRole') && (
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Delete ${role.name}`}
                      onClick={() => (deleting.value = role)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label="Pages of roles" />
      {editing.value && (
        <RoleForm
          key={editing.value === 'new' ? 'new' : editing.value.id}
          role={editing.value === 'new' ? undefined : editing.value}
          onSaved={(role) => {
            editing.value = undefined;
            refusal.value = '';
            done.value = `Role ${role.name} saved.`;
            pages.reload();
          }}
          onClose={() => (editing.value = undefined)}
        />
      )}
      {deleting.value && (
        <Confirm
          title={`Delete the role ${deleting.value.name}?`}
          action="Delete"
          onConfirm={() => deleting.value && remove(deleting.value)}
          onCancel={() => (deleting.value = undefined)}
        >
          <p>
            The role {deleting.value.name} ({deleting.value.code}) will be deleted. A role that users hold, or one the
            server is built on, is refused.
          </p>
        </Confirm>
      )}
    </section>
  );
}
