// Reads rows out of a mysqldump file of the original system, a line at a time (mysqldump writes each INSERT on one
// line, with many rows), so that a large dump is never held in memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type Row = Record<string, string | number | null>;

const escapes: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** The value tuples of one INSERT statement's text after VALUES: `(1,'a\'b',NULL),(2,...)`. */
export function* tuples(text: string): Generator<Array<string | number | null>> {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`unreadable INSERT near "${text.slice(Math.max(0, i - 20), i + 20)}": ${what}`);
  };
  while (i < text.length) {
    while (text[i] === ',' || text[i] === ' ' || text[i] === '\n') i++;
    if (text[i] === ';' || i >= text.length) return;
    if (text[i] !== '(') fail('expected (');
    i++;
    const values: Array<string | number | null> = [];
    for (;;) {
      while (text[i] === ' ') i++;
      if (text.startsWith('_binary ', i)) i += '_binary '.length;
      if (text[i] === "'") {
        let value = '';
        for (i++; ; i++) {
          if (i >= text.length) fail('unterminated string');
          const c = text[i]!;
          if (c === '\\') value += escapes[text[++i]!] ?? text[i];
          else if (c === "'" && text[i + 1] === "'") value += text[++i];
          else if (c === "'") break;
          else value += c;
        }
        i++;
        values.push(value);
      } else {
        const end = text.slice(i).search(/[,)]/);
        if (end < 0) fail('unterminated tuple');
        const word = text.slice(i, i + end).trim();
        i += end;
        values.push(
          word === 'NULL'
            ? null
            : /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(word)
              ? Number(word)
              : fail(`unexpected ${word}`),
        );
      }
      while (text[i] === ' ') i++;
      if (text[i] === ',') i++;
      else if (text[i] === ')') {
        i++;
        break;
      } else fail('expected , or )');
    }
    yield values;
  }
}

const createTable = /^CREATE TABLE `([^`]+)`/;
const columnLine = /^\s+`([^`]+)`\s/;
const insertLine = /^INSERT INTO `([^`]+)`\s*(?:\(([^)]*)\))?\s*VALUES\s*/i;

/** The rows of `table` in the dump at `path`, as objects keyed by column name. */
export async function* dumpRows(path: string, table: string): AsyncGenerator<Row> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let creating: string | undefined;
  const columns = new Map<string, string[]>();
  for await (const line of lines) {
    const create = createTable.exec(line);
    if (create) {
      creating = create[1]!;
      columns.set(creating, []);
      continue;
    }
    if (creating) {
      const column = columnLine.exec(line);
      if (column) columns.get(creating)!.push(column[1]!);
      else if (line.startsWith(')')) creating = undefined;
      continue;
    }
    const insert = insertLine.exec(line);
    if (!insert || insert[1] !== table) continue;
    const names = insert[2] ? insert[2].split(',').map((name) => name.trim().replace(/`/g, '')) : columns.get(table);
    if (!names?.length) throw new Error(`the dump inserts into ${table} before saying its columns`);
    for (const values of tuples(line.slice(insert[0].length))) {
      if (values.length !== names.length)
        throw new Error(`a ${table} row has ${values.length} values for ${names.length} columns`);
      yield Object.fromEntries(names.map((name, k) => [name, values[k]!]));
    }
  }
}
