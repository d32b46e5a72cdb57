import type { SqliteSynchronous } from '../sqlite-connection.js';
import type { PackedBatch } from './sqlite-writer.js';

/** What the writer thread is started with (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

export type SqliteThreadRequest = { type: 'commit'; batch: PackedBatch } | { type: 'close' };
