import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const endSession: Handler<'endSession'> = async ({ params }, context) => {
  const { services } = context;
  if (!(await services.users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  if (!(await services.sessions.end(params.id, params.sessionId)))
    return fail('sessionNotFound', `session not found: ${params.sessionId}`);
  await context.audit('session.end', `user:${params.id}`, { session: params.sessionId });
  return ok({ errCode: 0, data: {}, errMsg: 'session ended' });
};
