// Kysely compiles a builder to SQL on every call, a cost on the order of the query's; a hot query is compiled once here and
// re-run with fresh parameters. Its parameters are named: the query is built once with a placeholder for each, and
// each run puts the values in the placeholders' places, whatever else the query binds and in whatever order.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

const placeholder = Symbol('placeholder');
type Placeholder = { readonly [placeholder]: PropertyKey };
const isPlaceholder = (value: unknown): value is Placeholder =>
  typeof value === 'object' && value !== null && placeholder in value;

/** Where each of the compiled query's parameters comes from: a named parameter, or the value it was built with. */
type Source = { name: PropertyKey } | { value: unknown };

/** `build`'s query over placeholders, compiled, with the source of each parameter. Every name read must be bound. */
function compileWith<P, Row>(build: (parameters: P) => Compilable<Row>) {
  const read = new Set<PropertyKey>();
  const placeholders = new Proxy(
    {},
    {
      get: (_target, name) => {
        read.add(name);
        return { [placeholder]: name };
      },
    },
  ) as P;
  const compiled = build(placeholders).compile();
  const sources: Source[] = compiled.parameters.map((value) =>
    isPlaceholder(value) ? { name: value[placeholder] } : { value },
  );
  for (const name of read) {
    if (!sources.some((source) => 'name' in source && source.name === name))
      throw new Error(`prepared query: parameter ${String(name)} is not bound as a value`);
  }
  return { compiled, sources };
}

function runner<DB, Row>(db: Kysely<DB>, compiled: CompiledQuery<Row>, sources: Source[]) {
  return async (values: Record<PropertyKey, unknown>): Promise<Row[]> => {
    const parameters = sources.map((source) => ('name' in source ? values[source.name] : source.value));
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}

/**
 * `build`'s query compiled once, run with `parameters` by name: `prepared(db, (p: { id: number }) =>
 * q.where('id', '=', p.id))`. A parameter may only be bound as a value (it is a placeholder while building).
 */
export function prepared<DB, P extends Record<string, unknown>, Row>(
  db: Kysely<DB>,
  build: (parameters: P) => Compilable<Row>,
) {
  const { compiled, sources } = compileWith(build);
  return runner(db, compiled, sources) as (parameters: P) => Promise<Row[]>;
}

/** `prepared` for a query with one IN list of varying length: compiled once per length, then run with the list. */
export function preparedIn<DB, V, Row>(db: Kysely<DB>, build: (values: V[]) => Compilable<Row>) {
  const byLength = new Map<number, (values: Record<PropertyKey, unknown>) => Promise<Row[]>>();
  return (values: readonly V[]): Promise<Row[]> => {
    let run = byLength.get(values.length);
    if (!run) {
      const { compiled, sources } = compileWith((p: Record<number, V>) => build(values.map((_, i) => p[i]!)));
      run = runner(db, compiled, sources);
      byLength.set(values.length, run);
    }
    return run(values as unknown as Record<PropertyKey, unknown>);
  };
}
