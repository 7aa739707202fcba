import { useSignal } from '@preact/signals';
import { api } from './api.js';
import { ChangePassword } from './ChangePassword.js';
import { SignIn } from './SignIn.js';
import { session, signedOut } from './session.js';
import { Users } from './Users.js';

const views = { users: 'Users', password: 'My password' } as const;
type View = keyof typeof views;

async function signOut() {
  // logout advances the token version: this token, and any copy of it, stops working.
  await api.POST('/api/v1/user/logout');
  signedOut('Signed out.');
}

export function App() {
  const view = useSignal<View>('users');
  const current = session.value;
  if (!current) return <SignIn />;
  if (current.passwordExpired) return <ChangePassword expired />;
  return (
    <>
      <header class="bar">
        <nav aria-label="Console">
          {(Object.keys(views) as View[]).map((name) => (
            <button
              type="button"
              key={name}
              aria-current={view.value === name ? 'page' : undefined}
              onClick={() => (view.value = name)}
            >
              {views[name]}
            </button>
          ))}
        </nav>
        <span class="who">
          {current.username} ({current.role.name})
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      {view.value === 'users' ? <Users /> : <ChangePassword expired={false} />}
    </>
  );
}
