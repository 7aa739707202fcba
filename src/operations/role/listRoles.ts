import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentRole } from '../present.js';

export const listRoles: Handler<'listRoles'> = async ({ query }, { services }) => {
  const list = listRequest(query);
  return ok({
    errCode: 0,
    data: listAnswer(list, await services.roles.page(list.window, query.keyword), presentRole),
    errMsg: 'success',
  });
};
