// openapi.yaml as openapi-backend holds it: validated as OpenAPI, dereferenced, its validators compiled on demand.
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';
import { specDocument } from '../../perf/shippedSpec.js';

/**
 * The spec, validated as OpenAPI and dereferenced. Quick mode compiles each operation's validators at their first
 * use; the contract compiles the request validators once the server listens (perf/warmUp.ts).
 */
export async function loadSpec(): Promise<OpenAPIBackend> {
  const { document, checked } = await specDocument();
  const api = new OpenAPIBackend({
    definition: document,
    strict: true,
    quick: true,
    coerceTypes: true,
    // Speed trick (cold start): Ajv would check every schema against JSON Schema's meta-schema, compiling that
    // meta-schema first in each of openapi-backend's Ajv instances (README, "Performance"). validateDefinition
    // (here from a checkout, at build time for the build) checks the same schemas as part of the OpenAPI document.
    ajvOpts: { useDefaults: true, validateSchema: false },
    // Defaults fill in query parameters (page, pageSize). Request bodies carry none (.spectral.mjs,
    // request-body-no-default): absent fields of a partial update keep their value.
    customizeAjv: (ajv) => addFormats.default(ajv),
  });
  await api.loadDocument();
  if (!checked) api.validateDefinition();
  await api.init();
  return api;
}

/** The spec as the build ships it (openapi.json): parsed from openapi.yaml and validated as OpenAPI. */
export async function checkedSpecJson(): Promise<string> {
  const { document } = await specDocument();
  const api = new OpenAPIBackend({ definition: structuredClone(document), strict: true, quick: true });
  await api.loadDocument();
  api.validateDefinition();
  return JSON.stringify(document);
}
