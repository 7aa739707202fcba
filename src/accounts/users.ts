// Creating and resetting accounts: the rules shared by the operations, the start-up bootstrap and the CLI.
import { randomUUID } from 'node:crypto';
import { adminRoleCode } from '../storage/permissions.js';
import type { SecuritySettings } from '../storage/repositories/settings.js';
import type { UserWithRole } from '../storage/repositories/users.js';
import { AccountError } from './errors.js';
import { passwordProblem } from './policy.js';
import type { Services } from './services.js';

type AccountServices = Pick<Services, 'users' | 'roles' | 'settings' | 'passwords' | 'audit'>;

export interface NewAccount {
  username: string;
  password: string;
  /** The role's code (permissions.ts): `user` for a registration, `admin` for the CLI and the bootstrap. */
  roleCode: string;
}

/**
 * A new user, its name trimmed, its password hashed: AccountError when the name is empty, the password is under the
 * policy (`settings`, read when not given) or a live user holds the name, whatever its case.
 */
export async function createUser(
  services: AccountServices,
  account: NewAccount,
  settings?: SecuritySettings,
): Promise<UserWithRole> {
  const username = account.username.trim();
  if (!username || !account.password) throw new AccountError('user name or password is empty');
  const problem = passwordProblem(account.password, settings ?? (await services.settings.security()));
  if (problem) throw new AccountError(problem);
  const taken = () => new AccountError(`user ${username} already exists`);
  // Checked before hashing, so that a taken name costs no hash; the unique index settles a race (null below).
  if (await services.users.existsByUsername(username)) throw taken();
  const role = await services.roles.findByCode(account.roleCode);
  if (!role) throw new Error(`the ${account.roleCode} role is missing`);
  const now = new Date().toISOString();
  const user = await services.users.create({
    uid: randomUUID(),
    username,
    password: await services.passwords.hash(account.password),
    status: 1,
    role_id: role.id,
    created_at: now,
    updated_at: now,
    password_changed_at: now,
  });
  if (!user) throw taken();
  return user;
}

/** Creates a user holding the administrator role (start-up bootstrap and CLI, never an open endpoint). */
export async function createAdmin(
  services: AccountServices,
  username: string,
  password: string,
): Promise<UserWithRole> {
  const user = await createUser(services, { username, password, roleCode: adminRoleCode });
  await services.audit.record({
    actor: null,
    action: 'user.createAdmin',
    target: `user:${user.id}`,
    detail: { username: user.username },
    ip: '',
  });
  return user;
}

/** ADMIN_USERNAME/ADMIN_PASSWORD at start: creates that administrator once, while no enabled one exists. */
export async function bootstrapAdmin(
  services: AccountServices,
  admin: { username: string; password: string } | undefined,
): Promise<void> {
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
export async function resetPasswordOf(
  services: AccountServices,
  username: string,
  password: string,
): Promise<UserWithRole> {
  const user = await services.users.findByUsername(username.trim());
  if (!user) throw new AccountError(`user ${username.trim()} not found`);
  const problem = passwordProblem(password, await services.settings.security());
  if (problem) throw new AccountError(problem);
  await services.users.setPassword(user.id, await services.passwords.hash(password), true);
  await services.audit.record({
    actor: null,
    action: 'user.resetPassword',
    target: `user:${user.id}`,
    detail: { by: 'cli' },
    ip: '',
  });
  return user;
}
