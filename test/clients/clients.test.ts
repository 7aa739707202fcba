// Clients that API consumers generate from openapi.yaml, by generators the project did not write: each is generated
// afresh, type-checked strictly (test/clients/tsconfig.json), and driven through every operation of the spec
// against the real server (test/clients/scenarios/), every answer checked against the spec by the shared helper.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { admin, startApp } from '../helpers/app.js';
import { assertMatchesSpec, operationIdOf } from '../helpers/contract.js';
import { listen } from '../helpers/socket.js';
import type { Run } from './scenarios/run.js';

const root = new URL('../..', import.meta.url).pathname;
const spec = join(root, 'openapi.yaml');
const generated = join(root, 'test/clients/generated');

/** Each generator, pinned in package.json, writing its client into `out` as its documentation shows. */
const generators: Record<string, (out: string) => Promise<void>> = {
  'hey-api': async (out) => {
    const { createClient } = await import('@hey-api/openapi-ts');
    // Imports with their .js extension, as a Node ESM project (moduleResolution NodeNext) needs them.
    await createClient({
      input: spec,
      output: { path: out, importFileExtension: '.js' },
      plugins: ['@hey-api/client-fetch'],
      logs: { file: false, level: 'silent' },
    });
  },
  // orval 7.13.2 (the last for Node 20): its fetch client over a fetch function of the consumer's (orval's
  // `mutator`, which reads non-JSON answers as text), and its zod schemas.
  orval: async (out) => {
    const { generate } = await import('orval');
    const mutator = { path: join(root, 'test/clients/scenarios/orvalFetch.ts'), name: 'orvalFetch', extension: '.js' };
    await generate({
      input: spec,
      output: { target: join(out, 'client.ts'), client: 'fetch', mode: 'single', override: { mutator } },
    });
    await generate({ input: spec, output: { target: join(out, 'zod.ts'), client: 'zod', mode: 'single' } });
  },
  // openapi-zod-client 1.18.3: a Zodios client over axios, every answer parsed by its zod schema; functions named
  // by operationId (withAlias).
  'openapi-zod-client': async (out) => {
    const { generateZodClientFromOpenAPI } = await import('openapi-zod-client');
    const { parse: parseYaml } = await import('yaml');
    mkdirSync(out, { recursive: true });
    await generateZodClientFromOpenAPI({
      openApiDoc: parseYaml(readFileSync(spec, 'utf8')),
      distPath: join(out, 'api.ts'),
      options: {
        withAlias: true,
        // Its default reads only application/json answers (the others come out as void): take every media type.
        isMediaTypeAllowed: () => true,
      },
    });
  },
};

const operations = Object.values(
  parse(readFileSync(spec, 'utf8')).paths as Record<string, Record<string, { operationId: string }>>,
)
  .flatMap((item) => Object.values(item).map((operation) => operation.operationId))
  .sort();

/** fetch, with every answer checked against openapi.yaml and its operation recorded in `seen`. */
function checkingFetch(seen: Set<string>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request.clone());
    const { pathname, search } = new URL(request.url);
    const text = await response.clone().text();
    await assertMatchesSpec({
      method: request.method,
      url: pathname + search,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text,
    });
    const operationId = await operationIdOf(request.method, pathname + search);
    if (operationId) seen.add(operationId);
    return response;
  };
}

t.test('generated clients type-check strictly and drive every operation of the spec', async (t) => {
  rmSync(generated, { recursive: true, force: true });
  for (const [name, generate] of Object.entries(generators)) await generate(join(generated, name));
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'test/clients/tsconfig.json'],
    { cwd: root, encoding: 'utf8' },
  );
  t.equal(tsc.status, 0, `tsc --strict over the clients and their scenarios\n${tsc.stdout}${tsc.stderr}`);

  for (const name of Object.keys(generators)) {
    await t.test(name, async (t) => {
      const app = await startApp(t, { admin });
      const port = await listen(app);
      const seen = new Set<string>();
      const { run } = (await import(`./scenarios/${name}.ts`)) as { run: Run };
      await run({ base: `http://127.0.0.1:${port}`, fetch: checkingFetch(seen), admin });
      t.same(
        operations.filter((operation) => !seen.has(operation)),
        [],
        'every operation of the spec was called',
      );
    });
  }
});
