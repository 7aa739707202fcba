import { type Handler, ok } from '../handler.js';

export const logout: Handler<'logout'> = async (_input, { caller, services }) => {
  await services.users.endSessions(caller.id);
  return ok({ errCode: 0, data: {}, errMsg: 'logged out' });
};
