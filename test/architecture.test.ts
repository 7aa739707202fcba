// The layout's rules, read from the source: imports go one way, entry → http → operations → accounts → storage
// (a layer may skip those below it, never reach above), a type two layers share lives in the lower one, and no
// module imports itself back through others. Type-only imports count: they are where a layer's words come from.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import t from 'tap';

const src = new URL('../src/', import.meta.url).pathname;

/** Lower layers have higher ranks. Side folders sit where what they serve sits. */
const layers: Array<[RegExp, number, string]> = [
  [/^(server|cli|app)\.ts$/, 0, 'entry'],
  [/^perf\/(codeCache|tickShape)\.ts$/, 0, 'entry (perf)'],
  [/^http\//, 1, 'http'],
  [/^perf\/(shippedSpec|warmUp)\.ts$/, 1, 'http (perf)'],
  [/^operations\//, 2, 'operations'],
  [/^perf\/callerReads\.ts$/, 2, 'operations (perf)'],
  // The import is an operator's use of accounts and storage, beside the operations.
  [/^legacy\//, 2, 'legacy'],
  [/^accounts\//, 3, 'accounts'],
  // Metrics read storage's handle and are read by http and the entries.
  [/^observability\//, 3, 'observability'],
  [/^storage\//, 4, 'storage'],
  [/^perf\/(arrayRows|firstRows|namedStatements|searchWindow)\.ts$/, 4, 'storage (perf)'],
  // Read by every layer, importing none.
  [/^(config|assets)\.ts$/, 5, 'leaf'],
  // Browser code: it reaches the server through the API only (generated/ types and error table, outside src/).
  [/^console\//, 6, 'console'],
];

const files = (readdirSync(src, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file));
const layerOf = (file: string) => layers.find(([pattern]) => pattern.test(file));

const importsOf = (file: string): string[] => {
  const text = readFileSync(join(src, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map(
    (match) => match[1]!,
  );
  return specifiers
    .map((specifier) => relative(src, resolve(dirname(join(src, file)), specifier)).replace(/\.js$/, '.ts'))
    .map((target) => (files.includes(target) ? target : `${target}x`))
    .filter((target) => !target.startsWith('..'));
};
const graph = new Map(files.map((file) => [file, importsOf(file)]));

t.test('every source file belongs to a layer', async (t) => {
  t.same(
    files.filter((file) => !layerOf(file)),
    [],
  );
});

t.test('no import reaches a layer above its own', async (t) => {
  const against: string[] = [];
  for (const [file, targets] of graph) {
    const [, rank, name] = layerOf(file)!;
    for (const target of targets) {
      const [, targetRank, targetName] = layerOf(target) ?? [undefined, -1, 'nowhere'];
      if (targetRank < rank) against.push(`${file} (${name}) imports ${target} (${targetName})`);
    }
  }
  t.same(against, []);
  t.ok(graph.get('app.ts')!.length > 5, 'the graph is read (app.ts imports the layers)');
});

t.test('no import cycle', async (t) => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  t.same(cycles, []);
});
