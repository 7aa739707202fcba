import type { components } from '../../generated/openapi.js';
import { api, outcome } from './api.js';
import { Refusal } from './Field.js';
import { caption, Pager, pageSize, usePages, when } from './paging.js';

type LoginRecord = components['schemas']['LoginRecord'];

const reasons: Record<LoginRecord['reason'], string> = {
  ok: 'signed in',
  wrong_password: 'wrong password',
  locked: 'refused: locked',
  disabled: 'refused: disabled',
};

/** A user's sign-in attempts, newest first (keyed by the user where shown, so another user's start afresh). */
export function LoginRecords({ userId, title }: { userId: number; title: string }) {
  const pages = usePages<LoginRecord>((cursor) =>
    outcome(
      api.GET('/api/v1/user/{id}/loginRecords', {
        params: { path: { id: userId }, query: { pageSize, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <section aria-labelledby="records-title">
      <h3 id="records-title">{title}</h3>
      <Refusal text={pages.refusal.value} />
      <table>
        <caption>{caption(pages, 'attempts')}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Outcome</th>
            <th scope="col">From</th>
            <th scope="col">Client</th>
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((record) => (
            <tr key={record.id}>
              <td>{when(record.at)}</td>
              <td>{reasons[record.reason]}</td>
              <td>{record.ip}</td>
              <td>{record.userAgent}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label="Pages of login records" />
    </section>
  );
}
