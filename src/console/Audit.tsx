import type { components } from '../../generated/openapi.js';
import { api, outcome } from './api.js';
import { Refusal } from './Field.js';
import { caption, Pager, pageSize, usePages, when } from './paging.js';

type AuditEntry = components['schemas']['AuditEntry'];

/** The audit log, newest first: who did what to which user, role or setting, when and from where. */
export function Audit() {
  const pages = usePages<AuditEntry>((cursor) =>
    outcome(api.GET('/api/v1/audit', { params: { query: { pageSize, ...(cursor ? { cursor } : {}) } } })),
  );
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <Refusal text={pages.refusal.value} />
      <table>
        <caption>{caption(pages, 'entries')}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Detail</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((entry) => (
            <tr key={entry.id}>
              <td>{when(entry.at)}</td>
              <td>{entry.actor?.username ?? 'the server'}</td>
              <td>{entry.action}</td>
              <td>{entry.target}</td>
              <td>
                <code>{JSON.stringify(entry.detail)}</code>
              </td>
              <td>{entry.ip || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label="Pages of the audit log" />
    </section>
  );
}
