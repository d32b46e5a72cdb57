// Runs battles on a worker thread so that a million-unit battle (tens to hundreds of ms) never
// stalls the game loop. The engine is deterministic, so the result equals runBattle(input) on
// the main thread.
//
// A BattleWorker owns one lazily started thread and serves requests in order; the composition
// root should create one and close it on shutdown. An idle worker is unref'ed, so it never keeps
// the process alive by itself. runBattleInWorker() is the one-shot convenience (it pays the
// thread start-up, ~50 ms under tsx, on every call).

import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../lib/worker-thread.js';
import type { BattleInput, BattleResult } from './types.js';
import type { BattleReply, BattleRequest } from './worker-protocol.js';

interface Pending {
  resolve(result: BattleResult): void;
  reject(error: Error): void;
}

export class BattleWorker {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  /** Fights the battle on the worker thread. Rejects with the engine's error on bad input. */
  run(input: BattleInput): Promise<BattleResult> {
    if (this.#closed) return Promise.reject(new Error('BattleWorker is closed'));
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<BattleResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      const request: BattleRequest = { id, input };
      worker.postMessage(request);
    });
  }

  /** Stops the thread; battles still running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) await worker.terminate();
    this.#failAll(new Error('BattleWorker closed before the battle finished'));
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = startModuleWorker(import.meta.url, 'worker');
    worker.on('message', (reply: BattleReply) => this.#settle(reply));
    worker.on('error', (err) => this.#crashed(worker, err));
    worker.on('exit', (code) => this.#crashed(worker, new Error(`battle worker exited (${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: BattleReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) {
      pending.resolve(reply.result);
    } else {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      pending.reject(error);
    }
  }

  #crashed(worker: Worker, error: Error): void {
    // A crashed thread is dropped; the next run() starts a fresh one.
    if (this.#worker === worker) this.#worker = undefined;
    this.#failAll(error);
  }

  #failAll(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}

/** One battle on a fresh thread, closed afterwards. */
export async function runBattleInWorker(input: BattleInput): Promise<BattleResult> {
  const worker = new BattleWorker();
  try {
    return await worker.run(input);
  } finally {
    await worker.close();
  }
}
