// Entry point of the embedded store's writer thread (see sqlite-thread.ts): it owns the one
// connection that writes, and commits one batch at a time in the order they arrive.

import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../sqlite-connection.js';
import { SqliteBatchWriter, type SqliteHandle } from './sqlite-writer.js';
import type {
  SqliteThreadConfig,
  SqliteThreadReply,
  SqliteThreadRequest,
} from './sqlite-thread-protocol.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-thread-worker must be started as a worker thread');

const config = workerData as SqliteThreadConfig;
const db = openSqliteDatabase(config.path, config.synchronous);
const writer = new SqliteBatchWriter(db as unknown as SqliteHandle);

port.on('message', (request: SqliteThreadRequest) => {
  let reply: SqliteThreadReply;
  try {
    if (request.type === 'commit') writer.commit(request.batch);
    else db.close();
    reply = { id: request.id, ok: true };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const code = (error as { code?: unknown }).code;
    reply = {
      id: request.id,
      ok: false,
      error: {
        name: error.name,
        message: error.message,
        ...(typeof code === 'string' ? { code } : {}),
      },
    };
  }
  port.postMessage(reply);
  if (request.type === 'close') port.close();
});
