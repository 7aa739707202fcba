// Generated from openapi.yaml by `npm run generate`. Do not edit.

export const errors = {
  "internal": {
    "errCode": 1001,
    "status": 500,
    "errMsg": "server internal error"
  },
  "paramsInvalid": {
    "errCode": 1002,
    "status": 400,
    "errMsg": "parameters format error"
  },
  "badCredentials": {
    "errCode": 1003,
    "status": 200,
    "errMsg": "user name or password error"
  },
  "registerFailed": {
    "errCode": 1004,
    "status": 200,
    "errMsg": "user register failed"
  },
  "userNotFound": {
    "errCode": 1005,
    "status": 404,
    "errMsg": "user not found"
  },
  "roleNotFound": {
    "errCode": 1006,
    "status": 404,
    "errMsg": "role not found"
  },
  "userDisabled": {
    "errCode": 1007,
    "status": 200,
    "errMsg": "user has been disabled"
  },
  "unauthorized": {
    "errCode": 1008,
    "status": 401,
    "errMsg": "token is missing, invalid or expired"
  },
  "forbidden": {
    "errCode": 1009,
    "status": 403,
    "errMsg": "permission denied"
  },
  "accountLocked": {
    "errCode": 1010,
    "status": 200,
    "errMsg": "account locked"
  },
  "passwordExpired": {
    "errCode": 1011,
    "status": 403,
    "errMsg": "password expired, change it first"
  },
  "notFound": {
    "errCode": 1012,
    "status": 404,
    "errMsg": "route not found"
  },
  "methodNotAllowed": {
    "errCode": 1013,
    "status": 405,
    "errMsg": "method not allowed"
  },
  "payloadTooLarge": {
    "errCode": 1014,
    "status": 413,
    "errMsg": "request body is too large"
  },
  "unsupportedMediaType": {
    "errCode": 1015,
    "status": 415,
    "errMsg": "unsupported content type"
  },
  "busy": {
    "errCode": 1016,
    "status": 503,
    "errMsg": "server busy, retry later"
  },
  "tooManyRequests": {
    "errCode": 1017,
    "status": 429,
    "errMsg": "too many requests, retry later"
  },
  "roleExists": {
    "errCode": 1018,
    "status": 409,
    "errMsg": "role code already exists"
  },
  "passwordPolicy": {
    "errCode": 1019,
    "status": 400,
    "errMsg": "password does not meet the policy"
  },
  "lastAdmin": {
    "errCode": 1020,
    "status": 409,
    "errMsg": "the last enabled administrator cannot be removed"
  },
  "roleInUse": {
    "errCode": 1021,
    "status": 409,
    "errMsg": "role is held by users"
  },
  "builtinRole": {
    "errCode": 1022,
    "status": 409,
    "errMsg": "built-in role cannot be changed"
  },
  "databaseUnavailable": {
    "errCode": 1023,
    "status": 503,
    "errMsg": "database unavailable, retry later"
  },
  "requestTimeout": {
    "errCode": 1024,
    "status": 408,
    "errMsg": "request not received in time"
  },
  "headersTooLarge": {
    "errCode": 1025,
    "status": 431,
    "errMsg": "request headers are too large"
  },
  "pageTooDeep": {
    "errCode": 1026,
    "status": 400,
    "errMsg": "page is beyond the result window, continue with cursor"
  },
  "cursorInvalid": {
    "errCode": 1027,
    "status": 400,
    "errMsg": "cursor was not issued by this server"
  },
  "sessionNotFound": {
    "errCode": 1028,
    "status": 404,
    "errMsg": "session not found"
  },
  "accessTokenNotFound": {
    "errCode": 1029,
    "status": 404,
    "errMsg": "access token not found"
  },
  "sessionRequired": {
    "errCode": 1030,
    "status": 403,
    "errMsg": "not with an access token: sign in with your password"
  },
  "scopeNotHeld": {
    "errCode": 1031,
    "status": 400,
    "errMsg": "a scope is not a permission of the owner's role"
  },
  "accessTokenExpiry": {
    "errCode": 1032,
    "status": 400,
    "errMsg": "expiry out of range"
  },
  "accessTokenLimit": {
    "errCode": 1033,
    "status": 409,
    "errMsg": "too many access tokens, revoke one first"
  }
} as const;
