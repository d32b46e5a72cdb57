// The embedded store's writes run on their own thread: a commit's SQLite work, and above all the
// fsync of synchronous=FULL (p99 17 ms on these disks), would otherwise stall the event loop and
// every request waiting on it. On the thread, the main loop only hands the batch over and keeps
// serving while it is written; and since the thread's own loop is free, it takes the next batch
// while the previous one is being written (pipelined), so a long run of due events is written
// while it is still simulated. (PostgreSQL was tried the same way: its server's own per-row work
// is the limit there, and the extra thread only competed with it for the two cores.)

import { startModuleWorker, WorkerClient } from '../../lib/worker-thread.js';
import type { RowBatch } from '../tables.js';
import type { SqliteThreadConfig, SqliteThreadRequest } from './sqlite-thread-protocol.js';
import { packBatch } from './sqlite-writer.js';

export class SqliteWriterThread {
  readonly #client: WorkerClient<SqliteThreadRequest, null>;
  #closed = false;
  /** Bumped when a batch fails; the batches sent after that failure was seen are accepted. */
  #generation = 0;

  /** The thread writes batches in the order they are handed over (see Store.pipelined). */
  readonly pipelined = true;

  constructor(config: SqliteThreadConfig) {
    this.#client = new WorkerClient(
      () => startModuleWorker(import.meta.url, 'sqlite-thread-worker', { workerData: config }),
      'the SQLite writer thread',
    );
  }

  /**
   * Writes the batch in one transaction on the writer thread; rejects with SQLite's error.
   * When a batch fails, the batches sent after it and before its failure came back fail as
   * well, unwritten. A thread that dies fails its batches (the runtime then fails stop and
   * reloads).
   */
  async commit(batch: RowBatch): Promise<void> {
    if (this.#closed) throw new Error('The store is closed');
    const generation = this.#generation;
    try {
      await this.#client.request({ type: 'commit', batch: packBatch(batch), generation });
    } catch (err) {
      if (generation === this.#generation) this.#generation++;
      throw err;
    }
  }

  /** Lets queued commits finish, then closes the thread's connection and the thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#client.started) return;
    await this.#client.request({ type: 'close' }).catch(() => undefined);
    await this.#client.terminate('The store closed before the commit finished');
  }
}
