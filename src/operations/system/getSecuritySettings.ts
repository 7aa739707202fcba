import { type Handler, ok } from '../handler.js';

export const getSecuritySettings: Handler<'getSecuritySettings'> = async (_input, { services }) =>
  ok({ errCode: 0, data: await services.settings.security(), errMsg: 'success' });
