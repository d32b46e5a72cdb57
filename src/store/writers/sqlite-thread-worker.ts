// Entry point of the embedded store's writer thread (see sqlite-thread.ts): it owns the one
// connection that writes.

import { workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../sqlite-connection.js';
import { serveWriter, type SqliteThreadConfig } from './sqlite-thread-protocol.js';
import { SqliteBatchWriter, type SqliteHandle } from './sqlite-writer.js';

const config = workerData as SqliteThreadConfig;
const db = openSqliteDatabase(config.path, config.synchronous);
const writer = new SqliteBatchWriter(db as unknown as SqliteHandle);

serveWriter({
  write: (batches) => writer.commitPacked(batches),
  close: () => {
    db.close();
  },
});
