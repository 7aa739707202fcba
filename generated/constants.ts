// Generated from openapi.yaml by `npm run generate`. Do not edit.

import type { components } from './openapi.js';

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

/** The defaults of components.schemas.SecuritySettings */
export const securityDefaults: components['schemas']['SecuritySettings'] = {
  "loginFail": 3,
  "lockTime": 30,
  "passwordExpire": -1,
  "allowRegistration": true,
  "passwordMinLength": 8,
  "auditRetentionDays": 365,
  "loginRecordRetentionDays": 90
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
