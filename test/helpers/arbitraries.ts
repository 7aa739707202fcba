// fast-check arbitraries read from openapi.yaml: for each operation, requests its schemas accept, and requests
// they refuse (wrong types, missing or unknown fields, values past their bounds, broken encodings, repeated keys,
// wrong content types). A schema keyword this file does not know fails loudly, so the fuzz grows with the spec
// instead of quietly generating less of it.
import fc from 'fast-check';
import type { Operation } from 'openapi-backend';

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  minProperties?: number;
}

const understood = new Set([
  ...[
    'type',
    'enum',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'format',
    'items',
    'minItems',
    'maxItems',
  ],
  ...[
    'uniqueItems',
    'properties',
    'required',
    'additionalProperties',
    'minProperties',
    'default',
    'description',
    'example',
    // annotations for people and the console; they do not constrain a value
    'title',
    'x-unit',
  ],
]);

// `password` constrains nothing and `int32` nothing past the bounds stated beside it; `date-time` is RFC 3339.
const formats = new Set(['password', 'date-time', 'int32']);

function known(schema: Schema): Schema {
  const unknown = Object.keys(schema).filter((key) => !understood.has(key));
  if (schema.format !== undefined && !formats.has(schema.format)) unknown.push(`format ${schema.format}`);
  if (unknown.length)
    throw new Error(`test/helpers/arbitraries.ts does not generate for ${unknown.join(', ')}: teach it`);
  if (schema.type === 'object' && schema.additionalProperties !== false)
    throw new Error('objects are expected to be closed (additionalProperties: false)');
  return schema;
}

// Mostly printable ASCII, sometimes any code point (the length of a string counts code points, as the spec's do).
const char = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const text = (minLength: number, maxLength: number) => fc.string({ unit: char, minLength, maxLength });

/** Values `schema` accepts; strings are sometimes one of `names` (what the database holds), to reach past "not found". */
export function valid(schema: Schema, names: readonly string[] = []): fc.Arbitrary<unknown> {
  known(schema);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date-time')
        return fc.oneof(
          // Near now most often (an access token's expiry is accepted within days), else any time at all.
          fc.integer({ min: -86_400_000, max: 100 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
          fc
            .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        );
      const [min, max] = [schema.minLength ?? 0, schema.maxLength ?? 1000];
      const fitting = names.filter((name) => name.length >= min && name.length <= max);
      if (!schema.pattern)
        return fitting.length
          ? fc.oneof({ weight: 2, arbitrary: text(min, max) }, fc.constantFrom(...fitting))
          : text(min, max);
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => [...s].length >= min && [...s].length <= max);
    }
    case 'integer': {
      const [min, max] = [schema.minimum ?? -(2 ** 31), schema.maximum ?? 2 ** 31 - 1];
      // Near the bottom of the range most often: small ids name rows that exist.
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 10) }) },
        fc.integer({ min, max }),
        fc.constantFrom(min, max),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const constraints = { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 10 };
      const items = valid(schema.items ?? {}, names);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, s]) => [name, valid(s, names)]),
      );
      return fc
        .record(properties, { requiredKeys: schema.required ?? [] })
        .filter((o) => Object.keys(o).length >= (schema.minProperties ?? 0));
    }
    default:
      throw new Error(`no generator for type ${String(schema.type)}`);
  }
}

type Refused = [why: string, value: unknown];

const jsonTypes: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 20 }),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

const otherType = (type: string): fc.Arbitrary<Refused> =>
  fc.oneof(
    ...Object.entries(jsonTypes)
      .filter(([name]) => name !== type)
      .map(([name, arbitrary]) => arbitrary.map((v): Refused => [`${name} for ${type}`, v])),
  );

/** Values `schema` refuses, each with the reason it must. */
export function invalid(schema: Schema): fc.Arbitrary<Refused> {
  known(schema);
  const kinds: Array<fc.Arbitrary<Refused>> = [otherType(schema.type!)];
  if (schema.enum)
    kinds.push(
      fc
        .string({ maxLength: 20 })
        .filter((s) => !schema.enum!.includes(s))
        .map((s): Refused => ['not in enum', s]),
    );
  switch (schema.type) {
    case 'string':
      if (schema.maxLength !== undefined)
        kinds.push(
          text(schema.maxLength + 1, schema.maxLength + 40).map(
            (s): Refused => [`over ${schema.maxLength} characters`, s],
          ),
        );
      if (schema.minLength)
        kinds.push(text(0, schema.minLength - 1).map((s): Refused => [`under ${schema.minLength} characters`, s]));
      if (schema.format === 'date-time')
        kinds.push(
          fc
            .constantFrom('', 'tomorrow', '2027-13-01T00:00:00Z', '2027-01-01', '1700000000')
            .map((s): Refused => ['not a date-time', s]),
        );
      if (schema.pattern)
        kinds.push(
          text(1, 20)
            .filter((s) => !new RegExp(schema.pattern!).test(s))
            .map((s): Refused => [`not ${schema.pattern}`, s]),
        );
      break;
    case 'integer':
      if (schema.maximum !== undefined)
        kinds.push(
          fc.integer({ min: 1, max: 1000 }).map((d): Refused => [`over ${schema.maximum}`, schema.maximum! + d]),
        );
      if (schema.minimum !== undefined)
        kinds.push(
          fc.integer({ min: 1, max: 1000 }).map((d): Refused => [`under ${schema.minimum}`, schema.minimum! - d]),
        );
      kinds.push(
        fc
          .constantFrom(1e300, 2 ** 64, -(2 ** 63), Number.MAX_VALUE, 1.5, -0.5)
          .map((n): Refused => ['huge or fractional', n]),
      );
      break;
    case 'array': {
      const items = valid(schema.items ?? {});
      if (schema.maxItems !== undefined)
        kinds.push(
          fc
            .array(items, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 5 })
            .map((a): Refused => [`over ${schema.maxItems} items`, a]),
        );
      if (schema.minItems) kinds.push(fc.constant<Refused>([`under ${schema.minItems} items`, []]));
      if (schema.uniqueItems) kinds.push(items.map((v): Refused => ['repeated item', [v, v]]));
      kinds.push(invalid(schema.items ?? {}).map(([why, v]): Refused => [`item: ${why}`, [v]]));
      break;
    }
    case 'object': {
      const whole = valid(schema) as fc.Arbitrary<Record<string, unknown>>;
      const names = Object.keys(schema.properties ?? {});
      for (const name of schema.required ?? [])
        kinds.push(whole.map(({ [name]: _, ...rest }): Refused => [`missing ${name}`, rest]));
      kinds.push(
        fc
          .tuple(
            whole,
            fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !names.includes(k)),
            fc.jsonValue({ maxDepth: 1 }),
          )
          .map(([o, k, v]): Refused => [`unknown field ${k}`, { ...o, [k]: v }]),
      );
      for (const name of names) {
        kinds.push(
          fc
            .tuple(whole, invalid(schema.properties![name]!))
            .map(([o, [why, v]]): Refused => [`${name}: ${why}`, { ...o, [name]: v }]),
        );
      }
      if (schema.minProperties) kinds.push(fc.constant<Refused>(['no properties', {}]));
      break;
    }
  }
  return fc.oneof(...kinds);
}

/** A request as inject sends it. */
export interface WireRequest {
  why: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Parts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

const parametersOf = (operation: Operation, where: 'path' | 'query') =>
  ((operation.parameters ?? []) as Parameter[]).filter((p) => p.in === where);
const bodySchemaOf = (operation: Operation) =>
  (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']
    ?.schema;

const json = { 'content-type': 'application/json' };

function wire(operation: Operation, parts: Parts, why: string): WireRequest {
  const path = operation.path.replace(/{([^}]+)}/g, (_, name: string) =>
    encodeURIComponent(String(parts.params[name])),
  );
  const query = new URLSearchParams(
    Object.entries(parts.query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const request: WireRequest = {
    why,
    method: operation.method.toUpperCase(),
    url: query ? `${path}?${query}` : path,
    headers: {},
  };
  if (parts.body !== undefined) Object.assign(request, { headers: json, payload: JSON.stringify(parts.body) });
  return request;
}

function validParts(operation: Operation, names: readonly string[] = []): fc.Arbitrary<Parts> {
  const record = (parameters: Parameter[]) =>
    fc.record(Object.fromEntries(parameters.map((p) => [p.name, valid(p.schema, names)])), {
      requiredKeys: parameters.filter((p) => p.required).map((p) => p.name),
    });
  const body = bodySchemaOf(operation);
  return fc.record({
    params: record(parametersOf(operation, 'path')),
    query: record(parametersOf(operation, 'query')),
    body: body ? valid(body, names) : fc.constant(undefined),
  });
}

/** Requests the operation's schemas accept. */
export function validRequests(operation: Operation, names: readonly string[] = []): fc.Arbitrary<WireRequest> {
  return validParts(operation, names).map((parts) => wire(operation, parts, 'valid'));
}

// A parameter's text on the wire that its schema refuses.
function invalidParameterText(schema: Schema): fc.Arbitrary<[string, string]> {
  if (schema.type === 'integer') {
    const words = fc.constantFrom(
      'abc',
      '1.5',
      '1e400',
      '-99999999999999999999999',
      '99999999999999999999999',
      'true',
      '[]',
      '0x1g',
    );
    const numbers = invalid(schema).filter(([, v]) => typeof v === 'number');
    return fc.oneof(
      words.map((w): [string, string] => [`not an integer: ${w}`, w]),
      numbers.map(([why, v]): [string, string] => [why, String(v)]),
    );
  }
  return invalid(schema)
    .filter(([, v]) => typeof v === 'string')
    .map(([why, v]): [string, string] => [why, String(v)]);
}

/** The text of a JSON body with a raw flaw: invalid UTF-8, a repeated key, nesting, or truncation. */
function flawedBody(text: string): fc.Arbitrary<[string, Buffer]> {
  const firstKey = /^\{"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
  const badBytes = fc.constantFrom(
    [0xff],
    [0xc3, 0x28],
    [0xed, 0xa0, 0x80],
    [0xc0, 0xaf],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xe2, 0x82],
  );
  const kinds: Array<fc.Arbitrary<[string, Buffer]>> = [
    fc
      .integer({ min: 1, max: Math.max(1, text.length - 1) })
      .map((n): [string, Buffer] => ['truncated JSON', Buffer.from(text.slice(0, n))]),
    fc
      .integer({ min: 1_000, max: 100_000 })
      .map((depth): [string, Buffer] => [
        `arrays nested ${depth} deep`,
        Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`),
      ]),
  ];
  if (firstKey !== undefined) {
    const at = 2; // inside the first key's quotes
    kinds.push(
      badBytes.map((bytes): [string, Buffer] => [
        `invalid UTF-8 ${Buffer.from(bytes).toString('hex')}`,
        Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]),
      ]),
    );
    kinds.push(
      fc
        .jsonValue({ maxDepth: 1 })
        .map((v): [string, Buffer] => [
          `key ${firstKey} repeated`,
          Buffer.from(`${text.slice(0, -1)},"${firstKey}":${JSON.stringify(v) ?? 'null'}}`),
        ]),
    );
    kinds.push(
      fc
        .integer({ min: 1_000, max: 100_000 })
        .map((depth): [string, Buffer] => [
          `${firstKey} nested ${depth} deep`,
          Buffer.from(`{"${firstKey}":${'['.repeat(depth)}${']'.repeat(depth)}}`),
        ]),
    );
  }
  return fc.oneof(...kinds);
}

/** Requests the operation's schemas refuse, each with the reason. */
export function invalidRequests(operation: Operation): fc.Arbitrary<WireRequest> {
  const parts = validParts(operation);
  const kinds: Array<fc.Arbitrary<WireRequest>> = [];
  for (const where of ['path', 'query'] as const) {
    for (const parameter of parametersOf(operation, where)) {
      // In a path, '', '.' and '..' name another route (or none), not this operation with a bad parameter.
      const text = invalidParameterText(parameter.schema).filter(
        ([, value]) => where === 'query' || !['', '.', '..'].includes(value),
      );
      kinds.push(
        fc.tuple(parts, text).map(([p, [why, value]]) => {
          const request = wire(
            operation,
            {
              ...p,
              [where === 'path' ? 'params' : 'query']: {
                ...(where === 'path' ? p.params : p.query),
                [parameter.name]: value,
              },
            },
            '',
          );
          return { ...request, why: `${where} ${parameter.name}: ${why}` };
        }),
      );
    }
  }
  const body = bodySchemaOf(operation);
  if (body) {
    kinds.push(
      fc.tuple(parts, invalid(body)).map(([p, [why, value]]) => wire(operation, { ...p, body: value }, `body: ${why}`)),
    );
    if ((operation.requestBody as { required?: boolean }).required)
      kinds.push(parts.map((p) => ({ ...wire(operation, p, 'no body'), headers: {}, payload: undefined })));
    kinds.push(
      parts.chain((p) =>
        flawedBody(JSON.stringify(p.body)).map(([why, payload]) => ({ ...wire(operation, p, why), payload })),
      ),
    );
    kinds.push(
      fc
        .tuple(
          parts,
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/jsonx',
            'text/json',
          ),
        )
        .map(([p, type]) => ({ ...wire(operation, p, `content-type ${type}`), headers: { 'content-type': type } })),
    );
    kinds.push(
      parts.map((p) => ({
        ...wire(operation, p, 'over 1 MiB'),
        payload: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }),
      })),
    );
  }
  if (!kinds.length) throw new Error(`${operation.operationId} takes no input: nothing to refuse`);
  return fc.oneof(...kinds);
}

export const takesInput = (operation: Operation) =>
  (operation.parameters ?? []).length > 0 || bodySchemaOf(operation) !== undefined;

/** Headers clients send that the server must take in its stride. */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', '', 'application/json;q=0'),
    'accept-encoding': fc.constantFrom('gzip, deflate, br', 'identity', '*;q=0', 'x'.repeat(2000)),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1', ''),
    'x-noise': fc.string({ unit: 'grapheme-ascii', maxLength: 2000 }),
    'user-agent': fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  },
  { requiredKeys: [] },
);
