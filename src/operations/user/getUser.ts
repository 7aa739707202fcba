import { fail } from '../envelope.js';
import { ok, type Handler } from '../handler.js';
import { userSuccess } from '../present.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services }) => {
  const user = await services.users.findById(params.id);
  return user ? ok(userSuccess(user)) : fail('userNotFound', `user not found: ${params.id}`);
};
