// Regenerates generated/ from openapi.yaml: the types (openapi-typescript), the error table (x-errors), and the
// values code needs at run time: the permission codes, the security settings' defaults, the range of ids, the
// response headers and the request id. Then the console (src/console/, which reads those types and the error
// table), bundled by esbuild into generated/console/: committed, so a server runs it without a build step.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url);
const specPath = new URL('openapi.yaml', root);
const header = '// Generated from openapi.yaml by `npm run generate`. Do not edit.\n\n';

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  title?: string;
  description?: string;
  'x-unit'?: string;
  'x-extensible-enum'?: string[];
  required?: string[];
  properties?: Record<string, Schema>;
};
type Parameter = { $ref?: string; name: string; in: string; required?: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  'x-permission'?: string;
  'x-permission-for-others'?: string;
  'x-max-per-user'?: number;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  'x-errors': Record<string, unknown>;
  'x-response-headers': Record<string, string>;
  'x-request-id': { header: string; pattern: string };
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter & { 'x-max-result-window'?: number }>;
  };
};

const resolve = (spec: Spec, schema: Schema): Schema =>
  schema.$ref ? resolve(spec, spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!) : schema;

const operations = (spec: Spec): Operation[] =>
  Object.values(spec.paths).flatMap((item) => Object.values(item).filter((op) => typeof op === 'object'));

/** Each permission's meaning: the `- \`code\`: meaning` list in the Permission schema's description, one per code. */
function permissionMeanings(schema: Schema): Record<string, string> {
  const meanings = Object.fromEntries(
    [...(schema.description ?? '').matchAll(/^- `([^`]+)`: (.+)$/gm)].map((match) => [match[1], match[2]]),
  );
  const codes = schema.enum as string[];
  const unlisted = codes.filter((code) => !meanings[code]);
  const unknown = Object.keys(meanings).filter((code) => !codes.includes(code));
  if (unlisted.length || unknown.length)
    throw new Error(`Permission's description must give each code one meaning: ${[...unlisted, ...unknown]}`);
  return meanings;
}

type Field = Omit<Schema, 'required'> & { required: boolean };

/** What an input can state or check of a value: the spec's type, limits, pattern, meaning and unit, and whether it is required. */
function field(schema: Schema, required: boolean, description = schema.description): Field {
  const keys = ['type', 'title', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'x-unit'] as const;
  const kept = Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
  return { ...kept, ...(description === undefined ? {} : { description }), required };
}

/** Each property of a JSON request body as a field, by operationId. */
function requestFields(spec: Spec): Record<string, Record<string, Field>> {
  const fields: Record<string, Record<string, Field>> = {};
  for (const op of operations(spec)) {
    const body = op.requestBody && resolve(spec, op.requestBody.content['application/json']!.schema);
    if (!body?.properties) continue;
    fields[op.operationId] = Object.fromEntries(
      Object.entries(body.properties).map(([name, property]) => [
        name,
        field(resolve(spec, property), body.required?.includes(name) ?? false),
      ]),
    );
  }
  return fields;
}

/** Each query parameter as a field, by operationId. */
function queryFields(spec: Spec): Record<string, Record<string, Field>> {
  const fields: Record<string, Record<string, Field>> = {};
  for (const op of operations(spec)) {
    const query = (op.parameters ?? [])
      .map((p) => (p.$ref ? spec.components.parameters[p.$ref.replace('#/components/parameters/', '')]! : p))
      .filter((p) => p.in === 'query');
    if (query.length)
      fields[op.operationId] = Object.fromEntries(
        query.map((p) => [p.name, field(resolve(spec, p.schema), p.required ?? false, p.description)]),
      );
  }
  return fields;
}

async function renderSpec(): Promise<Record<string, string>> {
  const text = await readFile(specPath, 'utf8');
  const types = astToString(await openapiTS(text, { alphabetize: true }));
  const spec = parse(text) as Spec;
  const { Permission, SecuritySettings, Id, AuditAction } = spec.components.schemas;
  const defaults = Object.fromEntries(
    Object.entries(SecuritySettings!.properties!).map(([name, schema]) => [name, resolve(spec, schema).default]),
  );
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const operationPermissions = Object.fromEntries(
    operations(spec)
      .filter((op) => op['x-permission'] || op['x-permission-for-others'])
      .map((op) => [
        op.operationId,
        {
          ...(op['x-permission'] && { permission: op['x-permission'] }),
          ...(op['x-permission-for-others'] && { forOthers: op['x-permission-for-others'] }),
        },
      ]),
  );
  return {
    'openapi.ts': header + types,
    'errors.ts': `${header}export const errors = ${json(spec['x-errors'])} as const;\n`,
    'constants.ts':
      `${header}import type { components, operations } from './openapi.js';\n\n` +
      `/** components.schemas.Permission */\nexport const permissions = ${json(Permission!.enum)} as const satisfies readonly components['schemas']['Permission'][];\n\n` +
      `/** The audit actions this version knows: x-extensible-enum of components.schemas.AuditAction (clients accept others) */\nexport const auditActions = ${json(AuditAction!['x-extensible-enum'])} as const;\n\n` +
      `/** The defaults of components.schemas.SecuritySettings */\nexport const securityDefaults: components['schemas']['SecuritySettings'] = ${json(defaults)};\n\n` +
      `/** The range of components.schemas.Id: also what a token's user_id must be in */\nexport const idRange = ${json({ minimum: Id!.minimum, maximum: Id!.maximum })} as const;\n\n` +
      `/** x-response-headers: what every response carries (unless its operation states other values) */\nexport const responseHeaders = ${json(spec['x-response-headers'])} as const;\n\n` +
      `/** x-request-id: the header naming each request, and what a caller's own id must look like to be kept */\nexport const requestId = ${json(spec['x-request-id'])} as const;\n\n` +
      `/** x-max-result-window of components.parameters.Page: how deep page and pageSize reach; keyword totals are counted up to it */\nexport const resultWindow = ${json(spec.components.parameters.Page!['x-max-result-window'])};\n\n` +
      `/** The maximum of components.parameters.PageSize */\nexport const maxPageSize = ${json(spec.components.parameters.PageSize!.schema!.maximum)};\n\n` +
      `/** x-max-per-user of createAccessToken: how many unexpired access tokens a user may hold */\nexport const accessTokensPerUser = ${json(operations(spec).find((op) => op.operationId === 'createAccessToken')!['x-max-per-user'])};\n\n` +
      `/** Each permission's meaning, from the list in components.schemas.Permission's description */\nexport const permissionMeanings = ${json(permissionMeanings(Permission!))} as const satisfies Record<components['schemas']['Permission'], string>;\n\n` +
      `/** Each operation's x-permission and x-permission-for-others, by operationId */\nexport const operationPermissions = ${json(operationPermissions)} as const satisfies Partial<Record<keyof operations, Partial<Record<'permission' | 'forOthers', components['schemas']['Permission']>>>>;\n\n` +
      `/** The properties of each operation's JSON request body with what an input can check before sending (the spec's type, limits and pattern, required), by operationId */\nexport const requestFields = ${json(requestFields(spec))} as const;\n\n` +
      `/** Each operation's query parameters with what an input can check before sending, by operationId */\nexport const queryFields = ${json(queryFields(spec))} as const;\n`,
  };
}

/** The console's script and style sheet, from src/console/ and generated/ as they are on disk. */
export async function renderConsole(): Promise<Record<string, string>> {
  const source = new URL('src/console/', root).pathname;
  const result = await build({
    entryPoints: [join(source, 'main.tsx')],
    tsconfig: join(source, 'tsconfig.json'),
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir: 'console',
    entryNames: 'console',
    legalComments: 'eof',
    banner: {
      js: '// Generated from src/console by `npm run generate`. Do not edit.',
      css: '/* Generated from src/console by `npm run generate`. Do not edit. */',
    },
    absWorkingDir: root.pathname,
    logLevel: 'warning',
  });
  return Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(root.pathname.length), file.text]));
}

export async function renderGenerated(): Promise<Record<string, string>> {
  return { ...(await renderSpec()), ...(await renderConsole()) };
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

export async function writeGenerated(dir: string): Promise<void> {
  // The console is bundled from the error table just written.
  await write(dir, await renderSpec());
  await write(dir, await renderConsole());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeGenerated(new URL('generated', root).pathname);
}
