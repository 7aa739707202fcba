import { AccessTokens } from './AccessTokens.js';
import { ChangePassword } from './ChangePassword.js';
import { LoginRecords } from './LoginRecords.js';
import { Sessions } from './Sessions.js';
import { session } from './session.js';

/** The signed-in user's own account: the password, their sessions, their access tokens, and the sign-ins to it (anyone may read their own). */
export function Account() {
  const id = session.value?.id;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      <ChangePassword expired={false} />
      {id !== undefined && <Sessions key={id} userId={id} title="Where I am signed in" own />}
      {id !== undefined && <AccessTokens key={id} userId={id} title="My access tokens" own />}
      {id !== undefined && <LoginRecords key={id} userId={id} title="My login records" />}
    </section>
  );
}
