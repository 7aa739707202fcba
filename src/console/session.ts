// Who is signed in. The token is kept for this tab only (sessionStorage, never localStorage) and dropped on
// sign-out or on a 401.
import { signal } from '@preact/signals';
import type { components } from '../../generated/openapi.js';

export interface Session {
  token: string;
  username: string;
  role: components['schemas']['Role'];
  /** Until the password is changed, the token serves only changePassword and logout. */
  passwordExpired: boolean;
  /** The user's id: login does not answer it; the first list read does (its `user`). */
  id?: number;
}

const key = 'cms-console-session';
const stored = sessionStorage.getItem(key);

export const session = signal<Session | undefined>(stored ? (JSON.parse(stored) as Session) : undefined);
/** Why the user was signed out, shown on the sign-in form. */
export const notice = signal('');

export function signedIn(value: Session): void {
  sessionStorage.setItem(key, JSON.stringify(value));
  notice.value = '';
  session.value = value;
}

/** The caller as the server last described it (id, and the role as it is now, which decides what is shown). */
export function described(user: components['schemas']['User']): void {
  const current = session.value;
  if (current && (current.id !== user.id || JSON.stringify(current.role) !== JSON.stringify(user.role)))
    signedIn({ ...current, id: user.id, role: user.role });
}

export function signedOut(why = ''): void {
  sessionStorage.removeItem(key);
  notice.value = why;
  session.value = undefined;
}
