// The account rules' own refusals. They say what went wrong in words fit for the caller; the contract layer
// (src/http/contract/errors.ts) alone decides the envelope and the HTTP status they answer with.

/** A request the account rules refuse: the message says why (an empty name, a password under the policy, a taken name). */
export class AccountError extends Error {}

/** The token names no live, enabled user, or one whose tokens were revoked since it was issued. */
export class NotAuthenticated extends Error {
  constructor() {
    super('not authenticated');
  }
}
