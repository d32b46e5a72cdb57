// Entry point of the embedded store's writer thread (see writer-thread.ts): it owns the one
// connection that writes.

import { workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../sqlite-connection.js';
import { serveWriter, type SqliteThreadConfig } from './writer-thread-protocol.js';
import { SqliteBatchWriter, type PackedBatch, type SqliteHandle } from './sqlite-writer.js';

const config = workerData as SqliteThreadConfig;
const db = openSqliteDatabase(config.path, config.synchronous);
const writer = new SqliteBatchWriter(db as unknown as SqliteHandle);

serveWriter<PackedBatch>({
  write: (batches) => writer.commitPacked(batches),
  close: () => {
    db.close();
  },
});
