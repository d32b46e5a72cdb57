import type { SqliteSynchronous } from '../sqlite-connection.js';
import type { RowBatch } from '../tables.js';

/** What the writer thread is started with (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

export type SqliteThreadRequest = { type: 'commit'; batch: RowBatch } | { type: 'close' };
