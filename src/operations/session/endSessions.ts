import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const endSessions: Handler<'endSessions'> = async ({ params }, context) => {
  const { services, caller, session } = context;
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  // The caller's own session stays: "sign out everywhere else".
  const ended = await services.sessions.endAll(params.id, params.id === caller.id ? session : undefined);
  await context.audit('session.endAll', `user:${params.id}`, { ended });
  return ok({ errCode: 0, data: { ended }, errMsg: 'sessions ended' });
};
