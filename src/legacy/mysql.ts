// Reads rows straight from the original system's MySQL database, streamed, for import-legacy <mysql://...>.
import mysql from 'mysql2';
import type { Row } from './dump.js';

/** The rows of `table` at `url` (mysql://user:password@host:port/database), as the original stored them. */
export async function* mysqlRows(url: string, table: 'role' | 'users'): AsyncGenerator<Row> {
  // dateStrings: DATETIME as written, as a dump has it, rather than read in this machine's time zone.
  const connection = mysql.createConnection({ uri: url, dateStrings: true, connectTimeout: 10_000 });
  // Errors reach the connect callback or the query's stream; the connection's own event would crash the process.
  connection.on('error', () => {});
  try {
    // Connected first, so that a server that cannot be reached is an error rather than an empty table.
    await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
    for await (const row of connection.query(`select * from \`${table}\``).stream()) yield row as Row;
  } finally {
    connection.destroy();
  }
}
