import { ok, window, type Handler } from '../types.js';
import { presentRole } from '../present.js';

export const listRoles: Handler<'listRoles'> = async ({ query }, { services }) => {
  const { offset, limit, page, pageSize } = window(query);
  const { items, total } = await services.roles.page({ offset, limit, keyword: query.keyword });
  return ok({ errCode: 0, data: { items: items.map(presentRole), total, page, pageSize }, errMsg: 'success' });
};
