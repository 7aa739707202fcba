import { useSignal } from '@preact/signals';
import type { TargetedEvent } from 'preact';
import { api, errorName } from './api.js';
import { Field, Refusal } from './Field.js';
import { notice, signedIn } from './session.js';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Why a login did not succeed, in the words a person needs. */
function refusal(body: { errCode: number; errMsg: string; data?: unknown }): string {
  switch (errorName(body.errCode)) {
    case 'badCredentials':
      return 'Wrong username or password.';
    case 'userDisabled':
      return 'This account is disabled: ask an administrator to enable it.';
    case 'accountLocked': {
      const until = (body.data as { lockedUntil?: string } | undefined)?.lockedUntil;
      return `Too many failed sign-ins: the account is locked${until ? ` until ${when(until)}` : ''}.`;
    }
    case 'tooManyRequests':
      return 'Too many attempts from here: wait a minute and try again.';
    default:
      return body.errMsg;
  }
}

export function SignIn() {
  const username = useSignal('');
  const password = useSignal('');
  const error = useSignal('');
  const busy = useSignal(false);

  const submit = async (event: TargetedEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    busy.value = true;
    error.value = '';
    const { data, error: failed } = await api.POST('/api/v1/user/login', {
      body: { username: username.value, password: password.value },
    });
    busy.value = false;
    if (data && data.errCode === 1000) {
      const { token, username: name, role, passwordExpired } = data.data;
      signedIn({ token, username: name, role, passwordExpired });
    } else {
      error.value = refusal(data ?? failed ?? { errCode: 0, errMsg: 'The server did not answer.' });
    }
  };

  return (
    <form class="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {notice.value && <p class="notice">{notice.value}</p>}
      <Field label="Username" value={username} name="username" autocomplete="username" required />
      <Field
        label="Password"
        value={password}
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <Refusal text={error.value} />
      <button type="submit" disabled={busy.value}>
        Sign in
      </button>
    </form>
  );
}
