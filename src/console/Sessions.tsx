import { useSignal } from '@preact/signals';
import type { components } from '../../generated/openapi.js';
import { api, outcome } from './api.js';
import { Done, Refusal } from './Field.js';
import { caption, Pager, pageSize, usePages, when } from './paging.js';

type Session = components['schemas']['Session'];

/**
 * Where a user is signed in, newest first, each one ended on its own or all the others at once. For the
 * signed-in user's own sessions the current one is marked and kept: ending it is signing out.
 */
export function Sessions({ userId, title, own }: { userId: number; title: string; own: boolean }) {
  const done = useSignal('');
  const refusal = useSignal('');
  const pages = usePages<Session>((cursor) =>
    outcome(
      api.GET('/api/v1/user/{id}/sessions', {
        params: { path: { id: userId }, query: { pageSize, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const settle = (answer: { ok: boolean; refusal?: string }, message: string) => {
    refusal.value = answer.ok ? '' : (answer.refusal ?? '');
    done.value = answer.ok ? message : '';
    if (answer.ok) pages.reload();
  };
  const end = async (session: Session) =>
    settle(
      await outcome(
        api.DELETE('/api/v1/user/{id}/sessions/{sessionId}', {
          params: { path: { id: userId, sessionId: session.id } },
        }),
      ),
      `The session from ${session.ip} has ended.`,
    );
  const endAll = async () => {
    const answer = await outcome(api.DELETE('/api/v1/user/{id}/sessions', { params: { path: { id: userId } } }));
    settle(answer, answer.ok ? `${answer.data.data.ended} sessions ended.` : '');
  };
  return (
    <section aria-labelledby={`sessions-${userId}`}>
      <h3 id={`sessions-${userId}`}>{title}</h3>
      <Done text={done.value} />
      <Refusal text={pages.refusal.value || refusal.value} />
      <table>
        <caption>{caption(pages, 'sessions')}</caption>
        <thead>
          <tr>
            <th scope="col">Signed in</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">From</th>
            <th scope="col">Client</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {pages.page.value?.items.map((session) => (
            <tr key={session.id}>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastUsedAt)}</td>
              <td>{when(session.expiresAt)}</td>
              <td>{session.ip}</td>
              <td>{session.userAgent}</td>
              <td>
                {session.current ? (
                  'this session'
                ) : (
                  <button
                    type="button"
                    aria-label={`End the session from ${when(session.createdAt)}`}
                    onClick={() => end(session)}
                  >
                    End
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pages={pages} label={`Pages of ${title.toLowerCase()}`} />
      <button type="button" onClick={endAll}>
        {own ? 'End all other sessions' : 'End all sessions'}
      </button>
    </section>
  );
}
