import type { RowBatch } from '../tables.js';
import type { SqliteSynchronous } from '../sqlite-connection.js';

/** What the writer thread is started with (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

export type SqliteThreadRequest =
  { id: number; type: 'commit'; batch: RowBatch } | { id: number; type: 'close' };

export type SqliteThreadReply =
  | { id: number; ok: true }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };
