// operationId → handler. The type demands one handler for every operation in openapi.yaml.
import { getConsole } from './console/getConsole.js';
import { getConsoleScript } from './console/getConsoleScript.js';
import { getConsoleStyle } from './console/getConsoleStyle.js';
import { getDocs } from './docs/getDocs.js';
import { getDocsScript } from './docs/getDocsScript.js';
import { getDocsStyle } from './docs/getDocsStyle.js';
import { getSpecJson } from './docs/getSpecJson.js';
import { getSpecYaml } from './docs/getSpecYaml.js';
import type { Handlers } from './handler.js';
import { getAddress } from './platform/getAddress.js';
import { getMetrics } from './platform/getMetrics.js';
import { ping } from './platform/ping.js';
import { ready } from './platform/ready.js';
import { createRole } from './role/createRole.js';
import { deleteRole } from './role/deleteRole.js';
import { listRoles } from './role/listRoles.js';
import { updateRole } from './role/updateRole.js';
import { endSession } from './session/endSession.js';
import { endSessions } from './session/endSessions.js';
import { listSessions } from './session/listSessions.js';
import { getSecuritySettings } from './system/getSecuritySettings.js';
import { listAudit } from './system/listAudit.js';
import { updateSecuritySettings } from './system/updateSecuritySettings.js';
import { createAccessToken } from './token/createAccessToken.js';
import { listAccessTokens } from './token/listAccessTokens.js';
import { revokeAccessToken } from './token/revokeAccessToken.js';
import { changePassword } from './user/changePassword.js';
import { deleteUsers } from './user/deleteUsers.js';
import { getUser } from './user/getUser.js';
import { listLoginRecords } from './user/listLoginRecords.js';
import { listUsers } from './user/listUsers.js';
import { login } from './user/login.js';
import { logout } from './user/logout.js';
import { register } from './user/register.js';
import { resetPassword } from './user/resetPassword.js';
import { setUserRole } from './user/setUserRole.js';
import { unlockUser } from './user/unlockUser.js';
import { updateUser } from './user/updateUser.js';

export const handlers: Handlers = {
  ping,
  ready,
  getAddress,
  getMetrics,
  register,
  login,
  logout,
  changePassword,
  listUsers,
  getUser,
  updateUser,
  deleteUsers,
  setUserRole,
  resetPassword,
  unlockUser,
  listLoginRecords,
  listSessions,
  endSessions,
  endSession,
  listAccessTokens,
  createAccessToken,
  revokeAccessToken,
  listRoles,
  createRole,
  updateRole,
  deleteRole,
  getSecuritySettings,
  updateSecuritySettings,
  listAudit,
  getSpecYaml,
  getSpecJson,
  getDocs,
  getDocsScript,
  getDocsStyle,
  getConsole,
  getConsoleScript,
  getConsoleStyle,
};
