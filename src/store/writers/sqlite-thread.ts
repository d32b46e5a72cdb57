// The embedded store's writes run on their own thread. A commit's SQLite work, and above all the
// fsync of synchronous=FULL (p99 17 ms on these disks), would otherwise stall the event loop and
// every request waiting on it; on the thread, the main loop only hands the batch over and keeps
// serving reads while the batch is written. Readers keep their own connection on the main
// thread: WAL mode lets them read while the thread writes.

import { startModuleWorker, WorkerClient } from '../../lib/worker-thread.js';
import type { RowBatch } from '../tables.js';
import type { SqliteThreadConfig, SqliteThreadRequest } from './sqlite-thread-protocol.js';
import { packBatch } from './sqlite-writer.js';

export class SqliteWriterThread {
  readonly #client: WorkerClient<SqliteThreadRequest, null>;
  #closed = false;
  /** Bumped when a batch fails; the batches sent after that failure was seen are accepted. */
  #generation = 0;

  /**
   * The thread writes batches in the order they are handed over, so the next batch may be sent
   * before the previous one is written: the main thread goes on simulating while SQLite works.
   */
  readonly pipelined = true;

  constructor(config: SqliteThreadConfig) {
    this.#client = new WorkerClient(
      () => startModuleWorker(import.meta.url, 'sqlite-thread-worker', { workerData: config }),
      'the SQLite writer thread',
    );
  }

  /**
   * Writes the batch in one transaction on the writer thread; rejects with SQLite's error. When
   * a batch fails, the batches sent after it and before its failure came back fail as well,
   * unwritten. A thread that dies fails its batches (the runtime then fails stop and reloads).
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
