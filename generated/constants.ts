// Generated from openapi.yaml by `npm run generate`. Do not edit.

import type { components, operations } from './openapi.js';

/** components.schemas.Permission */
export const permissions = [
  "user:read",
  "user:write",
  "role:read",
  "role:write",
  "system:read",
  "system:write",
  "audit:read"
] as const satisfies readonly components['schemas']['Permission'][];

/** The audit actions this version knows: x-extensible-enum of components.schemas.AuditAction (clients accept others) */
export const auditActions = [
  "user.update",
  "user.delete",
  "user.role",
  "user.resetPassword",
  "user.unlock",
  "user.createAdmin",
  "user.import",
  "role.create",
  "role.update",
  "role.delete",
  "settings.update",
  "session.end",
  "session.endAll",
  "token.create",
  "token.revoke"
] as const;

/** The defaults of components.schemas.SecuritySettings */
export const securityDefaults: components['schemas']['SecuritySettings'] = {
  "loginFail": 3,
  "lockTime": 30,
  "passwordExpire": -1,
  "allowRegistration": true,
  "passwordMinLength": 8,
  "auditRetentionDays": 365,
  "loginRecordRetentionDays": 90,
  "accessTokenMaxDays": 90
};

/** The range of components.schemas.Id: also what a token's user_id must be in */
export const idRange = {
  "minimum": 1,
  "maximum": 2147483647
} as const;

/** x-response-headers: what every response carries (unless its operation states other values) */
export const responseHeaders = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY"
} as const;

/** x-request-id: the header naming each request, and what a caller's own id must look like to be kept */
export const requestId = {
  "header": "x-request-id",
  "pattern": "^[A-Za-z0-9._:-]{1,64}$"
} as const;

/** x-max-result-window of components.parameters.Page: how deep page and pageSize reach; keyword totals are counted up to it */
export const resultWindow = 10000;

/** The maximum of components.parameters.PageSize */
export const maxPageSize = 100;

/** x-max-per-user of createAccessToken: how many unexpired access tokens a user may hold */
export const accessTokensPerUser = 100;

/** Each permission's meaning, from the list in components.schemas.Permission's description */
export const permissionMeanings = {
  "user:read": "see every user, not only yourself",
  "user:write": "enable, disable, delete and unlock users, assign roles, reset passwords",
  "role:read": "list roles",
  "role:write": "create, change and delete roles",
  "system:read": "read the security settings",
  "system:write": "change the security settings",
  "audit:read": "read the audit log and every user's login records"
} as const satisfies Record<components['schemas']['Permission'], string>;

/** Each operation's x-permission and x-permission-for-others, by operationId */
export const operationPermissions = {
  "listUsers": {
    "forOthers": "user:read"
  },
  "updateUser": {
    "permission": "user:write"
  },
  "deleteUsers": {
    "permission": "user:write"
  },
  "getUser": {
    "forOthers": "user:read"
  },
  "setUserRole": {
    "permission": "user:write"
  },
  "resetPassword": {
    "permission": "user:write"
  },
  "unlockUser": {
    "permission": "user:write"
  },
  "listLoginRecords": {
    "forOthers": "audit:read"
  },
  "listSessions": {
    "forOthers": "user:write"
  },
  "endSessions": {
    "forOthers": "user:write"
  },
  "endSession": {
    "forOthers": "user:write"
  },
  "listAccessTokens": {
    "forOthers": "user:write"
  },
  "revokeAccessToken": {
    "forOthers": "user:write"
  },
  "listRoles": {
    "permission": "role:read"
  },
  "createRole": {
    "permission": "role:write"
  },
  "updateRole": {
    "permission": "role:write"
  },
  "deleteRole": {
    "permission": "role:write"
  },
  "getSecuritySettings": {
    "permission": "system:read"
  },
  "updateSecuritySettings": {
    "permission": "system:write"
  },
  "listAudit": {
    "permission": "audit:read"
  }
} as const satisfies Partial<Record<keyof operations, Partial<Record<'permission' | 'forOthers', components['schemas']['Permission']>>>>;

/** The properties of each operation's JSON request body with what an input can check before sending (the spec's type, limits and pattern, required), by operationId */
export const requestFields = {
  "register": {
    "username": {
      "type": "string",
      "maxLength": 64,
      "description": "Leading and trailing spaces are trimmed; empty after trimming is errCode 1004.",
      "required": true
    },
    "password": {
      "type": "string",
      "maxLength": 256,
      "required": true
    }
  },
  "login": {
    "username": {
      "type": "string",
      "maxLength": 64,
      "description": "Leading and trailing spaces are trimmed; empty after trimming is errCode 1004.",
      "required": true
    },
    "password": {
      "type": "string",
      "maxLength": 256,
      "required": true
    }
  },
  "changePassword": {
    "old_password": {
      "type": "string",
      "maxLength": 256,
      "required": true
    },
    "new_password": {
      "type": "string",
      "maxLength": 256,
      "required": true
    }
  },
  "updateUser": {
    "username": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "required": true
    },
    "status": {
      "type": "boolean",
      "description": "true to enable, false to disable.",
      "required": true
    }
  },
  "deleteUsers": {
    "ids": {
      "type": "array",
      "required": true
    }
  },
  "setUserRole": {
    "role_id": {
      "type": "integer",
      "minimum": 1,
      "maximum": 2147483647,
      "description": "Ids are 32-bit on both databases (a PostgreSQL `serial` column); a larger one is refused as malformed.",
      "required": true
    }
  },
  "resetPassword": {
    "new_password": {
      "type": "string",
      "maxLength": 256,
      "required": true
    }
  },
  "createAccessToken": {
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "description": "What the token is for; need not be unique.",
      "required": true
    },
    "scopes": {
      "type": "array",
      "required": true
    },
    "expiresAt": {
      "type": "string",
      "maxLength": 64,
      "description": "RFC 3339; stored and answered in UTC.",
      "required": true
    }
  },
  "createRole": {
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "required": true
    },
    "desc": {
      "type": "string",
      "maxLength": 256,
      "description": "Empty when left out.",
      "required": false
    },
    "code": {
      "type": "string",
      "maxLength": 32,
      "pattern": "^[a-z][a-z0-9_-]{0,31}$",
      "description": "Lower-case identifier, unique among roles.",
      "required": true
    },
    "permissions": {
      "type": "array",
      "required": true
    }
  },
  "updateRole": {
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "required": false
    },
    "desc": {
      "type": "string",
      "maxLength": 256,
      "required": false
    },
    "permissions": {
      "type": "array",
      "required": false
    }
  },
  "updateSecuritySettings": {
    "loginFail": {
      "type": "integer",
      "title": "Failed logins before lockout",
      "minimum": 0,
      "maximum": 100,
      "x-unit": "failed logins",
      "description": "Consecutive failed logins that lock an account; 0 turns lockout off.",
      "required": false
    },
    "lockTime": {
      "type": "integer",
      "title": "Lockout duration",
      "minimum": 1,
      "maximum": 525600,
      "x-unit": "minutes",
      "description": "Minutes an account stays locked.",
      "required": false
    },
    "passwordExpire": {
      "type": "integer",
      "title": "Password lifetime",
      "minimum": -1,
      "maximum": 3650,
      "x-unit": "days",
      "description": "Days a password stays valid after it is set; -1 (or 0) means it never expires.",
      "required": false
    },
    "allowRegistration": {
      "type": "boolean",
      "title": "Open registration",
      "description": "Whether `register` is open to anyone.",
      "required": false
    },
    "passwordMinLength": {
      "type": "integer",
      "title": "Minimum password length",
      "minimum": 1,
      "maximum": 256,
      "x-unit": "characters",
      "description": "Minimum length of a new password (register, changePassword, resetPassword, create-admin).",
      "required": false
    },
    "auditRetentionDays": {
      "type": "integer",
      "title": "Audit log retention",
      "minimum": 0,
      "maximum": 36500,
      "x-unit": "days",
      "description": "Days an audit entry is kept; older ones are removed in small batches about once a minute. 0 keeps them all.",
      "required": false
    },
    "loginRecordRetentionDays": {
      "type": "integer",
      "title": "Login record retention",
      "minimum": 0,
      "maximum": 36500,
      "x-unit": "days",
      "description": "Days a login record is kept; older ones are removed in small batches about once a minute. 0 keeps them all.",
      "required": false
    },
    "accessTokenMaxDays": {
      "type": "integer",
      "title": "Access token lifetime limit",
      "minimum": 1,
      "maximum": 3650,
      "x-unit": "days",
      "description": "The furthest a new personal access token's expiry may be; tokens created before a change keep theirs.",
      "required": false
    }
  }
} as const;

/** Each operation's query parameters with what an input can check before sending, by operationId */
export const queryFields = {
  "listUsers": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    },
    "keyword": {
      "type": "string",
      "maxLength": 64,
      "description": "Case-insensitive substring of the username.",
      "required": false
    }
  },
  "listLoginRecords": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    }
  },
  "listSessions": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    }
  },
  "listAccessTokens": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    }
  },
  "listRoles": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    },
    "keyword": {
      "type": "string",
      "maxLength": 64,
      "description": "Case-insensitive substring of the role's name or code.",
      "required": false
    }
  },
  "listAudit": {
    "page": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000000,
      "description": "The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):\na deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.\n",
      "required": false
    },
    "pageSize": {
      "type": "integer",
      "minimum": 1,
      "maximum": 100,
      "required": false
    },
    "cursor": {
      "type": "string",
      "maxLength": 64,
      "pattern": "^[A-Za-z0-9_-]{1,64}$",
      "description": "The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's\norder, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did\nnot issue answers 400, errCode 1027.\n",
      "required": false
    }
  }
} as const;
