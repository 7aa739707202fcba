import { ChangePassword } from './ChangePassword.js';
import { LoginRecords } from './LoginRecords.js';
import { session } from './session.js';

/** The signed-in user's own account: the password, and the sign-ins to it (anyone may read their own). */
export function Account() {
  const id = session.value?.id;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      <ChangePassword expired={false} />
      {id !== undefined && <LoginRecords key={id} userId={id} title="My login records" />}
    </section>
  );
}
