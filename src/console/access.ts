// What the signed-in user may do, judged as the server judges it: the permission each operation states in the
// spec (x-permission, x-permission-for-others), held by the user's role. Controls for the rest are not shown.
import { operationPermissions } from '../../generated/constants.js';
import { session } from './session.js';

type Guarded = keyof typeof operationPermissions;

const holds = (permission: string | undefined) =>
  permission === undefined || (session.value?.role.permissions as string[] | undefined)?.includes(permission) === true;

/** Whether the user's role holds the operation's x-permission. */
export const may = (operationId: Guarded): boolean =>
  holds((operationPermissions[operationId] as { permission?: string }).permission);

/** Whether the user may call the operation on other users (x-permission-for-others). */
export const mayForOthers = (operationId: Guarded): boolean =>
  holds((operationPermissions[operationId] as { forOthers?: string }).forOthers);
