// The password policy: what a new password must meet, and when a user must change theirs.
import type { SecuritySettings } from '../storage/repositories/settings.js';
import type { UserWithRole } from '../storage/repositories/users.js';

/** Why a new password is refused, or undefined when it meets the policy. */
export function passwordProblem(password: string, settings: SecuritySettings): string | undefined {
  if (password.length < settings.passwordMinLength)
    return `password must be at least ${settings.passwordMinLength} characters`;
  return undefined;
}

/** An administrator reset the password, or it is older than `passwordExpire` days (when that is positive). */
export function mustChangePassword(
  user: Pick<UserWithRole, 'must_change_password' | 'password_changed_at'>,
  settings: SecuritySettings,
  now = Date.now(),
): boolean {
  if (user.must_change_password === 1) return true;
  if (settings.passwordExpire <= 0 || !user.password_changed_at) return false;
  return Date.parse(user.password_changed_at) + settings.passwordExpire * 86_400_000 <= now;
}
