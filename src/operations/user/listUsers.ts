import type { ListedUser } from '../../repositories/users.js';
import { ok, window, type Handler } from '../types.js';
import { presentUser } from '../present.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { caller, mayActOnOthers, services }) => {
  const { offset, limit, page, pageSize } = window(query);
  const answer = (items: ListedUser[], total: number) =>
    ok({ errCode: 0, data: { user: presentUser(caller), items: items.map((u) => presentUser(u)), total, page, pageSize }, errMsg: 'success' });
  if (mayActOnOthers) {
    const { items, total } = await services.users.page({ offset, limit, keyword: query.keyword });
    return answer(items, total);
  }
  // Without user:read the caller sees only themselves, filtered and paged as everyone else's view is.
  const own = [caller].filter((u) => !query.keyword || u.username.toLowerCase().includes(query.keyword.toLowerCase()));
  return answer(own.slice(offset, offset + limit), own.length);
};
