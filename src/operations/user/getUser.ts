import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { userSuccess } from '../present.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services }) => {
  const user = await services.users.findById(params.id);
  return user ? ok(userSuccess(user)) : fail('userNotFound', `user not found: ${params.id}`);
};
