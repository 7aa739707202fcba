import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const revokeAccessToken: Handler<'revokeAccessToken'> = async ({ params }, context) => {
  const { services } = context;
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  if (!(await services.accessTokens.revoke(params.id, params.patId)))
    return fail('accessTokenNotFound', `access token not found: ${params.patId}`);
  await context.audit('token.revoke', `user:${params.id}`, { token: params.patId });
  return ok({ errCode: 0, data: {}, errMsg: 'access token revoked' });
};
