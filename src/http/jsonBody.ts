// Request bodies are JSON in UTF-8 that names each key once per object; anything else is a 400. Fastify's own
// parser does the parsing, so its refusal of __proto__ and constructor.prototype keys stays.
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../operations/envelope.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalid = (what: string) => new ApiError('paramsInvalid', `parameters format error: body ${what}`);

/**
 * The first key that an object of `text` (valid JSON) names twice. JSON.parse keeps the last value, so a proxy
 * or another parser that keeps the first would see a different request.
 */
export function repeatedKey(text: string): string | undefined {
  const objects: Array<Set<string> | undefined> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      let escaped = false;
      while (text[end] !== '"') {
        if (text[end] === '\\') {
          escaped = true;
          end++;
        }
        end++;
      }
      if (expectKey) {
        const token = text.slice(i, end + 1);
        const key = escaped ? (JSON.parse(token) as string) : token.slice(1, -1);
        const keys = objects[objects.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      objects.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      objects.push(undefined);
    } else if (c === '}' || c === ']') {
      objects.pop();
    } else if (c === ',') {
      expectKey = objects[objects.length - 1] !== undefined;
    }
  }
  return undefined;
}

export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      return done(invalid('is not valid UTF-8'), undefined);
    }
    parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const key = repeatedKey(text);
      if (key !== undefined) return done(invalid(`repeats the key ${JSON.stringify(key.slice(0, 64))}`), undefined);
      done(null, value);
    });
  });
}
