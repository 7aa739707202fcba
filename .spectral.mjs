// `npm run lint:spec` (and test/spec-lint.test.ts): Spectral's OpenAPI rules and the OWASP API Security ruleset
// over openapi.yaml. Every rule turned off or narrowed below says why.

import { undefined as undefinedValue } from '@stoplight/spectral-functions';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';

const operations = '$.paths[*][get,put,post,delete,patch]';
// What a client sends: parameters and request bodies, with every nested schema (references resolved).
const requestSchemas = (test) => [
  `${operations}.parameters[?(@.schema && ${test('@.schema')})].schema`,
  `${operations}.requestBody.content[*].schema..[?(@ && ${test('@')})]`,
];
const ofType = (type) => requestSchemas((at) => `${at}.type == '${type}'`);
const narrowed = (rule, given) => ({ ...owasp.rules[rule], given });

export default {
  extends: [oas, owasp],
  rules: {
    // The OWASP size rules (API4, resource consumption) apply to every schema, the server's own answers included.
    // Limits protect where input enters: the same checks run below on every request parameter and body schema,
    // as errors. Response schemas describe what the server writes (errCode is an enum in each of them).
    'owasp:api4:2023-string-limit': 'off',
    'owasp:api4:2023-integer-format': 'off',
    'owasp:api4:2023-integer-limit-legacy': 'off',
    'owasp:api4:2023-array-limit': 'off',
    'request-string-limit': narrowed('owasp:api4:2023-string-limit', ofType('string')),
    'request-integer-format': narrowed('owasp:api4:2023-integer-format', ofType('integer')),
    'request-integer-limit': narrowed('owasp:api4:2023-integer-limit-legacy', ofType('integer')),
    'request-array-limit': narrowed('owasp:api4:2023-array-limit', ofType('array')),
    // In a request, `default` means "assumed when absent": generated clients (orval's zod schemas, for one) fill it
    // in, which turns a partial update into a reset of every field left out. Defaults belong to the resource.
    'request-body-no-default': {
      description: 'A request body schema carries no default (clients fill defaults in).',
      severity: 'error',
      given: `${operations}.requestBody.content[*].schema..[?(@ && @.default !== undefined)]`,
      // biome-ignore lint/suspicious/noThenProperty: `then` is Spectral's name for what a rule checks
      then: { field: 'default', function: undefinedValue },
    },
    // Rate limits apply where guessing pays (operations marked x-rate-limited: login, register), and those
    // declare their 429 with Retry-After. Declaring rate-limit headers on every response would describe limits
    // the other operations do not have.
    'owasp:api4:2023-rate-limit': 'off',
    // CORS is off unless CORS_ORIGINS is set, and then Access-Control-Allow-Origin is sent only to listed origins;
    // declaring it on every response would misdescribe the default.
    'owasp:api8:2023-define-cors-origin': 'off',
    // The default server is the loopback address the process listens on; TLS belongs to the proxy in front of
    // any other address (README, "Deploying").
    'owasp:api8:2023-no-server-http': 'off',
    // The operations that are not rate limited do not answer 429 (see owasp:api4:2023-rate-limit above); the
    // rate-limited ones declare it, with Retry-After.
    'owasp:api4:2023-rate-limit-responses-429': 'off',
    // Free text cannot have a format or a pattern: passwords, names, descriptions and keywords are bounded by
    // maxLength instead (request-string-limit, an error), and answers describe what the server writes.
    'owasp:api4:2023-string-restricted': 'off',
    // A self-hosted server: its contact is whoever runs the deployment, not an address the document could name.
    'info-contact': 'off',
  },
  overrides: [
    {
      // Public by design: liveness and readiness probes, the caller's address, the Prometheus scrape (for a
      // scraper inside the deployment's network; README, "Deploying"), the API's own description, and the
      // console's page and files (the page signs in through login). They take no token, so they cannot answer 401.
      files: [
        'openapi.yaml#/paths/~1api~1v1~1platform~1ping/get',
        'openapi.yaml#/paths/~1api~1v1~1platform~1address/get',
        'openapi.yaml#/paths/~1api~1v1~1platform~1ready/get',
        'openapi.yaml#/paths/~1metrics/get',
        'openapi.yaml#/paths/~1openapi.yaml/get',
        'openapi.yaml#/paths/~1openapi.json/get',
        'openapi.yaml#/paths/~1docs/get',
        'openapi.yaml#/paths/~1docs~1swagger-ui.css/get',
        'openapi.yaml#/paths/~1docs~1%7Bscript%7D/get',
        'openapi.yaml#/paths/~1console/get',
        'openapi.yaml#/paths/~1console~1console.js/get',
        'openapi.yaml#/paths/~1console~1console.css/get',
      ],
      rules: { 'owasp:api2:2023-read-restricted': 'off', 'owasp:api8:2023-define-error-responses-401': 'off' },
    },
    {
      // register and login are how a caller gets a token: a wrong password is a 200 with errCode 1003 (the
      // original's wire format), never a 401.
      files: ['openapi.yaml#/paths/~1api~1v1~1user~1register/post', 'openapi.yaml#/paths/~1api~1v1~1user~1login/post'],
      rules: { 'owasp:api8:2023-define-error-responses-401': 'off' },
    },
    {
      // An audit entry's detail holds the values an action set, whose names depend on the action.
      files: ['openapi.yaml#/components/schemas/AuditEntry/properties/detail'],
      rules: { 'owasp:api3:2023-no-additionalProperties': 'off' },
    },
    {
      // This document as JSON: its parts are described by OpenAPI's own schema, not repeated here.
      files: ['openapi.yaml#/paths/~1openapi.json/get/responses/200/content/application~1json/schema'],
      rules: { 'owasp:api3:2023-no-additionalProperties': 'off' },
    },
    {
      // Registration and login are how a caller gets a token: they cannot require one. Both are rate limited.
      files: ['openapi.yaml#/paths/~1api~1v1~1user~1register/post', 'openapi.yaml#/paths/~1api~1v1~1user~1login/post'],
      rules: { 'owasp:api2:2023-write-restricted': 'off' },
    },
    {
      // `?token=` is the original API's wire format, kept for its clients; the header and Bearer forms are
      // preferred, and the server redacts the query token from every log line (test/logs.test.ts).
      files: ['openapi.yaml#/components/securitySchemes/tokenQuery'],
      rules: { 'owasp:api2:2023-no-api-keys-in-url': 'off' },
    },
    {
      // Numeric ids are the original API's wire format. Access is decided by permission (x-permission,
      // x-permission-for-others), never by an id being hard to guess; each user also has a random `uid`.
      files: ['openapi.yaml#/components/schemas/Id'],
      rules: { 'owasp:api1:2023-no-numeric-ids': 'off' },
    },
  ],
};
