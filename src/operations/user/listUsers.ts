import { ok, type Handler } from '../types.js';
import { presentUser } from './present.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { caller, services }) => {
  // The contract layer applies the spec's defaults, so page and pageSize are always present.
  const page = query.page!;
  const pageSize = query.pageSize!;
  const { items, total } = await services.users.page({ offset: (page - 1) * pageSize, limit: pageSize, keyword: query.keyword });
  return ok({
    errCode: 0,
    data: { user: presentUser(caller), items: items.map(presentUser), total, page, pageSize },
    errMsg: 'success',
  });
};
