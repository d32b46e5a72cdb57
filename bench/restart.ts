// Restart time (issue 14's target: under 2 s with 10 000 players on the embedded store): a
// seeded store of N players, then the compiled server started on it again and again; each
// figure is process start to GET /healthz/ready answering 200 (the world loaded, due events
// caught up, the loop ticking).
import { median, round3, seededStore, type BenchStore } from './fixtures.js';
import { startServerProcess } from './server-process.js';

export interface RestartResult {
  store: BenchStore;
  players: number;
  medianMs: number;
  runsMs: number[];
}

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${url}/healthz/ready`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function runRestartBench(
  stores: readonly BenchStore[],
  players = 10_000,
  runs = 5,
): Promise<RestartResult[]> {
  const results: RestartResult[] = [];
  for (const store of stores) {
    const { env, drop } = await seededStore(store, players);
    const runsMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      const server = await startServerProcess(env);
      await untilReady(server.url);
      const ms = performance.now() - started;
      await server.stop();
      if (i > 0) runsMs.push(round3(ms)); // the first start also warms the file cache
    }
    results.push({ store, players, medianMs: round3(median(runsMs)), runsMs });
    await drop();
  }
  return results;
}
