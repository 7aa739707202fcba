import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { roleSuccess } from '../present.js';

export const createRole: Handler<'createRole'> = async ({ body }, context) => {
  const role = await context.services.roles.create({
    name: body.name,
    desc: body.desc ?? '',
    code: body.code,
    permissions: body.permissions,
  });
  if (!role) return fail('roleExists', `role code ${body.code} already exists`);
  await context.audit('role.create', `role:${role.id}`, {
    name: role.name,
    code: role.code,
    permissions: role.permissions,
  });
  return ok(roleSuccess(role));
};
