import { useSignal } from '@preact/signals';
import { requestFields } from '../../generated/constants.js';
import { api, outcome } from './api.js';
import { Field, Form } from './Field.js';
import { signedOut } from './session.js';

const fields = requestFields.changePassword;

/** Changing one's password ends every session of the account (the API revokes its tokens): sign in again. */
export function ChangePassword({ expired }: { expired: boolean }) {
  const current = useSignal('');
  const fresh = useSignal('');

  const submit = async () => {
    const answer = await outcome(
      api.POST('/api/v1/user/changePassword', { body: { old_password: current.value, new_password: fresh.value } }),
    );
    if (!answer.ok) return answer.refusal;
    // A wrong current password is answered inside a 200 (errCode 1003), as login answers it.
    if (answer.data.errCode !== 0) return answer.data.errMsg;
    signedOut('Password changed: sign in with the new one.');
    return undefined;
  };

  return (
    <Form class="card" title="Change password" heading={expired ? 'h1' : 'h2'} action="Change password" submit={submit}>
      {expired && <p class="notice">Your password has expired or was reset: choose a new one to go on.</p>}
      <Field
        label="Current password"
        value={current}
        type="password"
        autocomplete="current-password"
        schema={fields.old_password}
      />
      <Field
        label="New password"
        value={fresh}
        type="password"
        autocomplete="new-password"
        schema={fields.new_password}
      />
    </Form>
  );
}
