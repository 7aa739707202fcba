// Regenerates generated/ from openapi.yaml: the types (openapi-typescript) and the error table (x-errors).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url);
const specPath = new URL('openapi.yaml', root);
const header = '// Generated from openapi.yaml by `npm run generate`. Do not edit.\n\n';

export async function renderGenerated(): Promise<Record<string, string>> {
  const text = await readFile(specPath, 'utf8');
  const types = astToString(await openapiTS(text, { alphabetize: true }));
  const errors = (parse(text) as { 'x-errors': Record<string, unknown> })['x-errors'];
  return {
    'openapi.ts': header + types,
    'errors.ts': `${header}export const errors = ${JSON.stringify(errors, null, 2)} as const;\n`,
  };
}

export async function writeGenerated(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(await renderGenerated())) {
    await writeFile(join(dir, name), content);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeGenerated(new URL('generated', root).pathname);
}
