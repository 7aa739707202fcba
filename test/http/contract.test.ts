import { readFile } from 'node:fs/promises';
import t from 'tap';
import { renderGenerated } from '../../scripts/generate.js';
import { loadSpec } from '../../src/http/contract/spec.js';
import { handlers } from '../../src/operations/index.js';

t.test('generated/ is what `npm run generate` makes from openapi.yaml, byte for byte', async (t) => {
  for (const [name, content] of Object.entries(await renderGenerated())) {
    const committed = await readFile(new URL(`../../generated/${name}`, import.meta.url), 'utf8');
    t.equal(committed, content, `generated/${name} is up to date (run npm run generate)`);
  }
});

t.test('every operation is complete: id, tag, summary, typed responses, examples', async (t) => {
  const api = await loadSpec();
  const declaredTags = new Set((api.definition.tags ?? []).map((tag) => tag.name));
  for (const op of api.getOperations()) {
    const id = op.operationId ?? `${op.method} ${op.path}`;
    t.ok(op.operationId, `${id} has an operationId`);
    t.ok(op.summary, `${id} has a summary`);
    t.ok(op.tags?.length && op.tags.every((tag) => declaredTags.has(tag)), `${id} has a declared tag`);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
      t.ok(
        Object.values(content).every((media) => media.schema),
        `${id} ${status} has a schema`,
      );
      t.ok(Object.keys(content).length > 0, `${id} ${status} has content`);
    }
    const ok = (op.responses?.['200'] as { content: Record<string, { examples?: object }> } | undefined)?.content ?? {};
    t.ok(
      Object.values(ok).every((media) => media.examples),
      `${id} 200 has examples`,
    );
    const body = op.requestBody as { content: Record<string, { examples?: object }> } | undefined;
    if (body)
      t.ok(
        Object.values(body.content).every((media) => media.examples),
        `${id} request body has examples`,
      );
  }
});

t.test('handlers cover exactly the operations of the spec', async (t) => {
  const api = await loadSpec();
  const ids = api
    .getOperations()
    .map((op) => op.operationId)
    .sort();
  t.same(Object.keys(handlers).sort(), ids);
});

t.test('the error table of info.description lists exactly the codes, statuses and names of x-errors', async (t) => {
  const { errors } = await import('../../generated/errors.js');
  const api = await loadSpec();
  const rows = [...(api.definition.info.description ?? '').matchAll(/^\| (\d{4}) \| (\d{3}) \| (\w+) \|/gm)].map(
    (m) => [Number(m[1]), Number(m[2]), m[3]],
  );
  const spec = Object.entries(errors).map(([name, e]) => [e.errCode, e.status, name]);
  t.same(rows.sort(), spec.sort());
});

t.test('the README error table lists exactly the codes and statuses of x-errors', async (t) => {
  const { errors } = await import('../../generated/errors.js');
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = [...readme.matchAll(/^\| (\d{4}) \| (\d{3}) \|/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  const spec = Object.values(errors).map((e) => [e.errCode, e.status]);
  t.same(rows.sort(), spec.sort());
});
