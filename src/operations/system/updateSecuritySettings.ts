import { type Handler, ok } from '../handler.js';

export const updateSecuritySettings: Handler<'updateSecuritySettings'> = async ({ body }, context) => {
  const settings = await context.services.settings.updateSecurity(body);
  await context.audit('settings.update', 'settings', { ...body });
  return ok({ errCode: 0, data: settings, errMsg: 'success' });
};
