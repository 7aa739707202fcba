import { useSignal } from '@preact/signals';
import { requestFields } from '../../generated/constants.js';
import { api, errorName, outcome } from './api.js';
import { Field, Form } from './Field.js';
import { when } from './paging.js';
import { notice, signedIn } from './session.js';

const fields = requestFields.login;

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

  const submit = async () => {
    const answer = await outcome(
      api.POST('/api/v1/user/login', { body: { username: username.value, password: password.value } }),
    );
    if (!answer.ok) return refusal({ errCode: answer.errCode ?? 0, errMsg: answer.refusal });
    if (answer.data.errCode !== 1000) return refusal(answer.data);
    const { token, username: name, role, passwordExpired } = answer.data.data;
    signedIn({ token, username: name, role, passwordExpired });
    return undefined;
  };

  return (
    <Form class="card sign-in" title="Sign in" heading="h1" action="Sign in" submit={submit}>
      {notice.value && <p class="notice">{notice.value}</p>}
      <Field label="Username" value={username} name="username" autocomplete="username" schema={fields.username} />
      <Field
        label="Password"
        value={password}
        name="password"
        type="password"
        autocomplete="current-password"
        schema={fields.password}
      />
    </Form>
  );
}
