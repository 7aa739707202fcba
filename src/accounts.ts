// Account rules shared by the operations, the start-up bootstrap and the CLI.
import { randomUUID } from 'node:crypto';
import { adminRoleCode } from './permissions.js';
import type { SecuritySettings } from './repositories/settings.js';
import type { UserWithRole } from './repositories/users.js';
import type { Services } from './services.js';

/** Why a new password is refused, or undefined when it meets the policy. */
export function passwordProblem(password: string, settings: SecuritySettings): string | undefined {
  if (password.length < settings.passwordMinLength) return `password must be at least ${settings.passwordMinLength} characters`;
  return undefined;
}

export class AccountError extends Error {}

type AccountServices = Pick<Services, 'users' | 'roles' | 'settings' | 'passwords' | 'audit'>;

/** Creates a user holding the administrator role (start-up bootstrap and CLI, never an open endpoint). */
export async function createAdmin(services: AccountServices, username: string, password: string): Promise<UserWithRole> {
  const name = username.trim();
  if (!name) throw new AccountError('the user name is empty');
  const problem = passwordProblem(password, await services.settings.security());
  if (problem) throw new AccountError(problem);
  const role = await services.roles.findByCode(adminRoleCode);
  if (!role) throw new Error('the admin role is missing');
  const now = new Date().toISOString();
  const user = await services.users.create({
    uid: randomUUID(),
    username: name,
    password: await services.passwords.hash(password),
    status: 1,
    role_id: role.id,
    created_at: now,
    updated_at: now,
    password_changed_at: now,
  });
  if (!user) throw new AccountError(`user ${name} already exists`);
  await services.audit.record({ actor: null, action: 'user.createAdmin', target: `user:${user.id}`, detail: { username: name }, ip: '' });
  return user;
}

/** ADMIN_USERNAME/ADMIN_PASSWORD at start: creates that administrator once, while no enabled one exists. */
export async function bootstrapAdmin(services: AccountServices, admin: { username: string; password: string } | undefined): Promise<void> {
  if (!admin || (await services.users.hasEnabledAdmin())) return;
  try {
    await createAdmin(services, admin.username, admin.password);
  } catch (error) {
    // Instances starting together on one database race to create it: one wins, the others find it made.
    if (await services.users.hasEnabledAdmin()) return;
    if (error instanceof AccountError) throw new AccountError(`ADMIN_USERNAME: ${error.message}`);
    throw error;
  }
}

/** An operator's reset (CLI): the new password must meet the policy, and be changed at the next login. */
export async function resetPasswordOf(services: AccountServices, username: string, password: string): Promise<UserWithRole> {
  const user = await services.users.findByUsername(username.trim());
  if (!user) throw new AccountError(`user ${username.trim()} not found`);
  const problem = passwordProblem(password, await services.settings.security());
  if (problem) throw new AccountError(problem);
  await services.users.setPassword(user.id, await services.passwords.hash(password), true);
  await services.audit.record({ actor: null, action: 'user.resetPassword', target: `user:${user.id}`, detail: { by: 'cli' }, ip: '' });
  return user;
}
