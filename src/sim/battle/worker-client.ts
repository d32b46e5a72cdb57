// Runs battles on a worker thread so that a million-unit battle (tens to hundreds of ms) never
// stalls the game loop. The engine is deterministic, so the result equals runBattle(input) on
// the main thread.
//
// A BattleWorker owns one lazily started thread and serves requests in order; the composition
// root should create one and close it on shutdown. An idle worker is unref'ed, so it never keeps
// the process alive by itself. runBattleInWorker() is the one-shot convenience (it pays the
// thread start-up, ~50 ms under tsx, on every call).

import { startModuleWorker, WorkerClient } from '../../lib/worker-thread.js';
import type { BattleInput, BattleResult } from './types.js';

export class BattleWorker {
  readonly #client = new WorkerClient<BattleInput, BattleResult>(
    () => startModuleWorker(import.meta.url, 'worker'),
    'battle worker',
  );
  #closed = false;

  /** Fights the battle on the worker thread. Rejects with the engine's error on bad input. */
  run(input: BattleInput): Promise<BattleResult> {
    if (this.#closed) return Promise.reject(new Error('BattleWorker is closed'));
    return this.#client.request(input);
  }

  /** Stops the thread; battles still running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#client.terminate('BattleWorker closed before the battle finished');
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
