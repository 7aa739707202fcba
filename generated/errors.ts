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
  }
} as const;
