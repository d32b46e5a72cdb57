import type { SqliteSynchronous } from '../sqlite-connection.js';
import type { PackedBatch } from './sqlite-writer.js';

/** What the writer thread is started with (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

/**
 * `generation` fences batches after a failure: once a batch fails, the thread refuses every
 * batch of the same (or an older) generation, since each was built on the failed one's state.
 */
export type SqliteThreadRequest =
  | { type: 'commit'; batch: PackedBatch; generation: number }
  | { type: 'close' };
