// Entry point of the embedded store's writer thread (see sqlite-thread.ts): it owns the one
// connection that writes, and commits one batch at a time in the order they arrive.

import { workerData } from 'node:worker_threads';
import { serveRequests } from '../../lib/worker-thread.js';
import { openSqliteDatabase } from '../sqlite-connection.js';
import type { SqliteThreadConfig, SqliteThreadRequest } from './sqlite-thread-protocol.js';
import { SqliteBatchWriter, type SqliteHandle } from './sqlite-writer.js';

const config = workerData as SqliteThreadConfig;
const db = openSqliteDatabase(config.path, config.synchronous);
const writer = new SqliteBatchWriter(db as unknown as SqliteHandle);

/** The generation of the last batch that failed: its later batches must not be applied. */
let fenced = -1;

serveRequests((request: SqliteThreadRequest): null => {
  if (request.type === 'close') {
    db.close();
    return null;
  }
  if (request.generation <= fenced)
    throw new Error('Not written: an earlier batch of this run failed');
  try {
    writer.commitPacked(request.batch);
  } catch (err) {
    fenced = request.generation;
    throw err;
  }
  return null;
});
