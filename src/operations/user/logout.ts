import { type Handler, ok } from '../handler.js';

export const logout: Handler<'logout'> = async (_input, context) => {
  const { caller, services, session } = context;
  if (session === undefined) {
    // A token from before sessions: revoked with every token of the account, as logout did then.
    await services.users.endSessions(caller.id);
  } else {
    await services.sessions.end(caller.id, session);
    await context.audit('session.end', `user:${caller.id}`, { session, logout: true });
  }
  return ok({ errCode: 0, data: {}, errMsg: 'logged out' });
};
