import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentAccessToken } from '../present.js';

export const listAccessTokens: Handler<'listAccessTokens'> = async ({ params, query }, { services }) => {
  const list = listRequest(query);
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  const slice = await services.accessTokens.page(params.id, list.window);
  return ok({ errCode: 0, data: listAnswer(list, slice, presentAccessToken), errMsg: 'success' });
};
