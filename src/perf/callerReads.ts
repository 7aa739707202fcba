/**
 * Speed trick (PostgreSQL round trips): every authenticated request reads its caller before its handler reads its
 * data, two statements where one would do. An operation listed here reads both at once, and its handler finds its
 * data in `context.prefetched`: listUsers' page without a keyword, on PostgreSQL, comes as JSON in the caller's
 * row (users.findCallerWithPage). Authorization still runs on the caller that came back, before the handler; a
 * caller who may not see the page never gets it. SQLite, in process, has no round trip to save and reads nothing
 * speculatively.
 * What it saves is measured by `npm run bench:scale` (PostgreSQL's list at 1k against SQLite's; figures in the
 * README, "At a million users"). Remove when a statement costs PostgreSQL and the driver little against the rest
 * of a request, or when a pipelined driver sends the two statements in one write.
 */
import type { operations } from '../../generated/openapi.js';
import { listRequest } from '../operations/paging.js';
import type { Dialect } from '../storage/connect.js';
import type { Slice } from '../storage/repositories/paging.js';
import type { Caller, ListedUser, UsersRepository } from '../storage/repositories/users.js';

/** What each listed operation reads with its caller. */
export interface Prefetched {
  listUsers: Slice<ListedUser>;
}

type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

/** The caller of `id` (with the session `sid`), and maybe the operation's data, from the validated query. */
export type CallerRead<K extends keyof Prefetched> = (
  id: number,
  sid: number,
  query: Query<K>,
) => Promise<(Caller & { prefetched?: Prefetched[K] }) | null>;

export type CallerReads = { [K in keyof Prefetched]?: CallerRead<K> };

export function callerReads(dialect: Dialect, users: UsersRepository): CallerReads {
  if (dialect !== 'postgres') return {};
  return {
    listUsers: (id, sid, query) => {
      let window: ReturnType<typeof listRequest>['window'];
      try {
        window = listRequest(query).window;
      } catch {
        // The handler refuses the window (pageTooDeep, cursorInvalid), once the caller is known, as for any request.
        return users.findCaller(id, sid);
      }
      // A search reads aside (users.page): it does not join the caller's statement.
      return query.keyword ? users.findCaller(id, sid) : users.findCallerWithPage(id, sid, window);
    },
  };
}
