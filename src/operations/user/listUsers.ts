import type { Window } from '../../storage/repositories/paging.js';
import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentUser } from '../present.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { caller, mayActOnOthers, prefetched, services }) => {
  const list = listRequest(query);
  // Without user:read the caller sees only themselves, filtered and paged as everyone else's view is.
  const slice = mayActOnOthers
    ? (prefetched ?? (await services.users.page(list.window, query.keyword)))
    : ownSlice(caller, list.window, query.keyword);
  return ok({
    errCode: 0,
    data: { user: presentUser(caller), ...listAnswer(list, slice, presentUser) },
    errMsg: 'success',
  });
};

function ownSlice<U extends { id: number; username: string }>(caller: U, window: Window, keyword?: string) {
  const own = [caller].filter((u) => !keyword || u.username.toLowerCase().includes(keyword.toLowerCase()));
  const items =
    window.after === undefined
      ? own.slice(window.offset, window.offset + window.limit)
      : own.filter((u) => u.id > window.after!);
  return { items, total: own.length, totalExact: true };
}
