// The worker side of src/storage/sqliteReader.ts: a read-only connection to the database file, answering one query at a
// time. Runs in a worker thread, so that a long read never holds the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface ReadRequest {
  id: number;
  sql: string;
  parameters: unknown[];
}

export type ReadAnswer = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

export interface ReaderSettings {
  path: string;
  busyTimeout: number;
  pageCacheKib: number;
}

const { path, busyTimeout, pageCacheKib } = workerData as ReaderSettings;
const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
sqlite.pragma(`busy_timeout = ${busyTimeout}`);
sqlite.pragma(`cache_size = -${pageCacheKib}`);
const statements = new Map<string, SQLite.Statement>();

parentPort!.on('message', ({ id, sql, parameters }: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    answer = { id, rows: statement.all(parameters) };
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    answer = { id, error: { message, ...(typeof code === 'string' ? { code } : {}) } };
  }
  parentPort!.postMessage(answer);
});
