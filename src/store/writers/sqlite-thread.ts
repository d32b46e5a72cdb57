// The embedded store's writes run on their own thread. A commit's SQLite work, and above all the
// fsync of synchronous=FULL (p99 17 ms on these disks), would otherwise stall the event loop and
// every request waiting on it; on the thread, the main loop only hands the batch over and keeps
// serving reads while the batch is written. Readers keep their own connection on the main
// thread: WAL mode lets them read while the thread writes.

import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../lib/worker-thread.js';
import type { RowBatch } from '../tables.js';
import type {
  SqliteThreadConfig,
  SqliteThreadReply,
  SqliteThreadRequest,
} from './sqlite-thread-protocol.js';

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

export class SqliteWriterThread {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  constructor(private readonly config: SqliteThreadConfig) {}

  /** Writes the batch in one transaction on the writer thread; rejects with SQLite's error. */
  commit(batch: RowBatch): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The store is closed'));
    return this.#request({ id: this.#nextId++, type: 'commit', batch });
  }

  /** Lets queued commits finish, then closes the thread's connection and the thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const worker = this.#worker;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    await this.#request({ id: this.#nextId++, type: 'close' }).catch(() => undefined);
    await worker.terminate();
    await exited;
  }

  #request(request: SqliteThreadRequest): Promise<void> {
    const worker = this.#ensureWorker();
    return new Promise<void>((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = startModuleWorker(import.meta.url, 'sqlite-thread-worker', {
      workerData: this.config,
    });
    worker.on('message', (reply: SqliteThreadReply) => this.#settle(reply));
    worker.on('error', (err) => this.#crashed(worker, err));
    worker.on('exit', (code) =>
      this.#crashed(worker, new Error(`the SQLite writer thread exited (${code})`)),
    );
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: SqliteThreadReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    // An idle thread never keeps the process alive by itself.
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) pending.resolve();
    else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
  }

  #crashed(worker: Worker, error: Error): void {
    // A dead thread is dropped with its batches failed (the runtime fails stop and reloads);
    // the next commit starts a fresh one.
    if (this.#worker === worker) this.#worker = undefined;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}
