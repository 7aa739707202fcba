import { AccountError } from '../../accounts/errors.js';
import { createUser } from '../../accounts/users.js';
import { userRoleCode } from '../../storage/permissions.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { presentUser } from '../present.js';

export const register: Handler<'register'> = async ({ body }, { services }) => {
  const settings = await services.settings.security();
  if (!settings.allowRegistration) return fail('registerFailed', 'registration is closed');
  try {
    const user = await createUser(
      services,
      { username: body.username, password: body.password, roleCode: userRoleCode },
      settings,
    );
    return ok({ errCode: 0, data: presentUser(user), errMsg: 'register success' });
  } catch (error) {
    if (error instanceof AccountError) return fail('registerFailed', error.message);
    throw error;
  }
};
