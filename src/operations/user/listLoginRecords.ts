import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentLoginRecord } from '../present.js';

export const listLoginRecords: Handler<'listLoginRecords'> = async ({ params, query }, { services }) => {
  const list = listRequest(query);
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  return ok({
    errCode: 0,
    data: listAnswer(list, await services.loginRecords.page(params.id, list.window), presentLoginRecord),
    errMsg: 'success',
  });
};
