// Storage's own refusals: a change the data's invariants forbid. The contract layer (src/http/contract/errors.ts)
// alone decides the envelope and the HTTP status they answer with.

/** A change to users that would leave no enabled, live administrator: it was undone. */
export class LastAdministrator extends Error {
  constructor() {
    super('the last enabled administrator cannot be disabled, demoted or deleted');
  }
}
