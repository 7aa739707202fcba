import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const deleteUsers: Handler<'deleteUsers'> = async ({ body }, context) => {
  const outcome = await context.services.users.softDelete(body.ids);
  if (outcome.missing.length) return fail('userNotFound', `user not found: ${outcome.missing.join(', ')}`);
  for (const id of body.ids) await context.audit('user.delete', `user:${id}`);
  return ok({ errCode: 0, data: { deleted: body.ids }, errMsg: 'deleted' });
};
