import { useSignal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';
import { Account } from './Account.js';
import { Audit } from './Audit.js';
import { may } from './access.js';
import { api, outcome } from './api.js';
import { ChangePassword } from './ChangePassword.js';
import { Roles } from './Roles.js';
import { SecuritySettings } from './Settings.js';
import { SignIn } from './SignIn.js';
import { described, session, signedOut } from './session.js';
import { Users } from './Users.js';

// The views, each shown to those whose role holds what reading it needs (the spec's x-permission).
const views: Record<string, { title: string; view: FunctionComponent; shown: () => boolean }> = {
  users: { title: 'Users', view: Users, shown: () => true },
  roles: { title: 'Roles', view: Roles, shown: () => may('listRoles') },
  settings: { title: 'Security settings', view: SecuritySettings, shown: () => may('getSecuritySettings') },
  audit: { title: 'Audit log', view: Audit, shown: () => may('listAudit') },
  account: { title: 'My account', view: Account, shown: () => true },
};

async function signOut() {
  // logout advances the token version: this token, and any copy of it, stops working.
  await api.POST('/api/v1/user/logout');
  signedOut('Signed out.');
}

export function App() {
  const chosen = useSignal('users');
  const current = session.value;
  const ready = current && !current.passwordExpired;
  useEffect(() => {
    // Login answers no id: the list's `user` is the caller, with the role as it is now.
    if (ready && current.id === undefined)
      void outcome(api.GET('/api/v1/user/list', { params: { query: { pageSize: 1 } } })).then(
        (answer) => answer.ok && described(answer.data.data.user),
      );
  }, [ready, current?.id]);
  if (!current) return <SignIn />;
  if (current.passwordExpired) return <ChangePassword expired />;
  const shown = Object.entries(views).filter(([, view]) => view.shown());
  const [name, { view: View }] = shown.find(([name]) => name === chosen.value) ?? shown[0]!;
  return (
    <>
      <header class="bar">
        <nav aria-label="Console">
          {shown.map(([key, view]) => (
            <button
              type="button"
              key={key}
              aria-current={name === key ? 'page' : undefined}
              onClick={() => (chosen.value = key)}
            >
              {view.title}
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
      <View key={name} />
    </>
  );
}
