// Lists' query parameters → the window a repository reads, and its slice → the answer's paging fields. Every list
// answers the same fields: total, totalExact, page, pageSize and nextCursor (see the spec's description).
import { resultWindow } from '../../generated/constants.js';
import type { Slice, Window } from '../storage/repositories/paging.js';
import { ApiError } from './envelope.js';

/** A cursor names the last row of a page by its id; base64url keeps clients from building their own. */
export const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');

function decode(cursor: string): number {
  const id = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(id) || id < 0 || encodeCursor(id) !== cursor) throw new ApiError('cursorInvalid');
  return id;
}

export interface ListRequest {
  window: Window;
  page: number;
  pageSize: number;
}

/** The window of the validated `page`, `pageSize` (the spec gives both defaults) and `cursor`; one row more than
 * the page is read, to tell whether another page follows. */
export function listRequest(query: { page?: number; pageSize?: number; cursor?: string }): ListRequest {
  const page = query.page!;
  const pageSize = query.pageSize!;
  if (query.cursor !== undefined)
    return { window: { limit: pageSize + 1, offset: 0, after: decode(query.cursor) }, page, pageSize };
  if (page * pageSize > resultWindow) throw new ApiError('pageTooDeep');
  return { window: { limit: pageSize + 1, offset: (page - 1) * pageSize }, page, pageSize };
}

/** The answer's page: at most `pageSize` items, and the cursor after the last of them when more follow. */
export function listAnswer<T extends { id: number }, U>(
  { page, pageSize }: ListRequest,
  slice: Slice<T>,
  present: (item: T) => U,
) {
  const more = slice.items.length > pageSize;
  const items = more ? slice.items.slice(0, pageSize) : slice.items;
  return {
    items: items.map(present),
    total: slice.total,
    totalExact: slice.totalExact,
    page,
    pageSize,
    nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null,
  };
}
