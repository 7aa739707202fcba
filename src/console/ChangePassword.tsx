import { useSignal } from '@preact/signals';
import type { TargetedEvent } from 'preact';
import { api } from './api.js';
import { Field, Refusal } from './Field.js';
import { signedOut } from './session.js';

/** Changing one's password ends every session of the account (the API revokes its tokens): sign in again. */
export function ChangePassword({ expired }: { expired: boolean }) {
  const current = useSignal('');
  const fresh = useSignal('');
  const error = useSignal('');

  const submit = async (event: TargetedEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    const { data, error: failed } = await api.POST('/api/v1/user/changePassword', {
      body: { old_password: current.value, new_password: fresh.value },
    });
    if (data?.errCode === 0) signedOut('Password changed: sign in with the new one.');
    else error.value = (data ?? failed)?.errMsg ?? 'The password could not be changed.';
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="password-title">
      <h1 id="password-title">Change password</h1>
      {expired && <p class="notice">Your password has expired or was reset: choose a new one to go on.</p>}
      <Field label="Current password" value={current} type="password" autocomplete="current-password" required />
      <Field label="New password" value={fresh} type="password" autocomplete="new-password" required />
      <Refusal text={error.value} />
      <button type="submit">Change password</button>
    </form>
  );
}
