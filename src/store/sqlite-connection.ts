import Database from 'libsql';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Opens the embedded database file (or `:memory:`) with the pragmas every connection uses. */
export function openSqliteDatabase(
  path: string,
  synchronous: SqliteSynchronous,
): InstanceType<typeof Database> {
  const db = new Database(path);
  // The timeout comes first: after a kill -9 the first statement may have to wait while the
  // write-ahead log is recovered, and the writer thread and the readers share the file.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous}`);
  return db;
}
