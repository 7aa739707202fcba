import { fail } from '../../envelope.js';
import { ok, window, type Handler } from '../types.js';
import { presentLoginRecord } from '../present.js';

export const listLoginRecords: Handler<'listLoginRecords'> = async ({ params, query }, { services }) => {
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  const { offset, limit, page, pageSize } = window(query);
  const { items, total } = await services.loginRecords.page(params.id, { offset, limit });
  return ok({ errCode: 0, data: { items: items.map(presentLoginRecord), total, page, pageSize }, errMsg: 'success' });
};
