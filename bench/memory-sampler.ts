// Samples the process's resident set size on a helper thread every millisecond, so the peak
// *during* a synchronous battle on the main thread is seen (the main thread cannot sample
// while it is busy). The thread is plain JavaScript (eval), so it needs no TypeScript loader.

import { Worker } from 'node:worker_threads';

const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const shared = new Int32Array(workerData);
while (Atomics.load(shared, 0) === 0) {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(shared, 1)) Atomics.store(shared, 1, kb);
  Atomics.wait(shared, 0, 0, 1);
}
`;

const STOP = 0;
const PEAK_KB = 1;
const BYTES_PER_KB = 1024;

export class RssSampler {
  readonly #shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  readonly #worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: this.#shared.buffer });

  /** Forgets the peak seen so far. */
  reset(): void {
    Atomics.store(this.#shared, PEAK_KB, 0);
  }

  /** Highest RSS (bytes) sampled since the last reset, at least the current RSS. */
  peakBytes(): number {
    return Math.max(Atomics.load(this.#shared, PEAK_KB) * BYTES_PER_KB, process.memoryUsage.rss());
  }

  async close(): Promise<void> {
    Atomics.store(this.#shared, STOP, 1);
    Atomics.notify(this.#shared, STOP);
    await new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
  }
}
