import { useSignal, useSignalEffect } from '@preact/signals';
import type { components } from '../../generated/openapi.js';
import { api } from './api.js';
import { Field, Refusal } from './Field.js';

type User = components['schemas']['User'];

const date = (iso: string) => new Date(iso).toLocaleString();

/** Users, a page at a time from the server (the list's cursor for the next page), with keyword search. */
export function Users() {
  const keyword = useSignal('');
  const search = useSignal('');
  // The cursors that started each page so far: going back re-reads the page from its own.
  const cursors = useSignal<Array<string | undefined>>([undefined]);
  const rows = useSignal<User[]>([]);
  const total = useSignal<{ count: number; exact: boolean } | undefined>(undefined);
  const next = useSignal<string | null>(null);
  const error = useSignal('');

  useSignalEffect(() => {
    // A later page or search (or leaving the view) makes this answer stale: a slow one must not overwrite it.
    let stale = false;
    const cursor = cursors.value.at(-1);
    const query = { pageSize: 20, ...(search.value ? { keyword: search.value } : {}), ...(cursor ? { cursor } : {}) };
    void api.GET('/api/v1/user/list', { params: { query } }).then(({ data, error: failed }) => {
      if (stale) return;
      if (!data) {
        error.value = failed?.errMsg ?? 'The list could not be read.';
        return;
      }
      error.value = '';
      rows.value = data.data.items;
      total.value = { count: data.data.total, exact: data.data.totalExact };
      next.value = data.data.nextCursor;
    });
    return () => {
      stale = true;
    };
  });

  const page = cursors.value.length;
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form
        class="toolbar"
        aria-label="Search users"
        onSubmit={(e) => {
          e.preventDefault();
          search.value = keyword.value.trim();
          cursors.value = [undefined];
        }}
      >
        <Field label="Username contains" value={keyword} name="keyword" type="search" maxLength={64} />
        <button type="submit">Search</button>
      </form>
      <Refusal text={error.value} />
      <table>
        <caption>
          {total.value
            ? `${total.value.exact ? '' : 'at least '}${total.value.count} users · page ${page}`
            : 'Loading…'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Locked until</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.value.map((user) => (
            <tr key={user.id}>
              <td>{user.username}</td>
              <td>{user.role.name}</td>
              <td>{user.status ? 'enabled' : 'disabled'}</td>
              <td>{user.lockedUntil ? date(user.lockedUntil) : '—'}</td>
              <td>{date(user.createdAt)}</td>
              <td>{date(user.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={page === 1} onClick={() => (cursors.value = cursors.value.slice(0, -1))}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!next.value}
          onClick={() => {
            if (next.value) cursors.value = [...cursors.value, next.value];
          }}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
