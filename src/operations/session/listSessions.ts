import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentSession } from '../present.js';

export const listSessions: Handler<'listSessions'> = async ({ params, query }, { services, session }) => {
  const list = listRequest(query);
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  const slice = await services.sessions.page(params.id, list.window);
  return ok({
    errCode: 0,
    data: listAnswer(list, slice, (row) => presentSession(row, session)),
    errMsg: 'success',
  });
};
