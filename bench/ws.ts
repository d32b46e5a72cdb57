// Realtime fan-out: N open WebSockets (default 10 000) on a real server, each player receiving
// its resource_update every tick, while the main thread's event-loop delay is sampled.
// The clients run in a child process so that their work does not count against the server.
// `node --import tsx bench/ws.ts [sockets]`
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from '../src/server.js';
import { benchConfig, buildWorld, seedStore } from './fixtures.js';

export interface WsBenchResult {
  sockets: number;
  connected: number;
  seconds: number;
  tickRateHz: number;
  messagesReceived: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  cpus: number;
}

const MEASURE_SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 10);

export async function runWsBench(sockets = 10_000): Promise<WsBenchResult> {
  const config = benchConfig('embedded', { TICK_RATE: '1' });
  const built = await buildWorld(config, sockets);
  await seedStore(config, built);
  const server = await createServer(config, { logger: false });
  const address = await server.listen();
  const tokens = built.users.map((u) => server.services.tokens.issue(u.id).token);
  // The clients run from the same form as this file: compiled (npm run bench) or through tsx.
  const compiled = import.meta.url.endsWith('.js');
  const clientFile = new URL(compiled ? './ws-clients.js' : './ws-clients.ts', import.meta.url);
  const client = fork(fileURLToPath(clientFile), [], {
    execArgv: compiled ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const connected = await new Promise<number>((resolve, reject) => {
      client.once('message', (m) => resolve((m as { connected: number }).connected));
      client.once('error', reject);
      client.send({ url: address.replace(/^http/, 'ws'), tokens });
    });
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    await new Promise((r) => setTimeout(r, MEASURE_SECONDS * 1000));
    histogram.disable();
    const received = await new Promise<number>((resolve) => {
      client.once('message', (m) => resolve((m as { received: number }).received));
      client.send({ report: true });
    });
    return {
      sockets,
      connected,
      seconds: MEASURE_SECONDS,
      tickRateHz: config.tickRateHz,
      messagesReceived: received,
      eventLoopDelayP50Ms: Math.round(histogram.percentile(50) / 1e4) / 100,
      eventLoopDelayP99Ms: Math.round(histogram.percentile(99) / 1e4) / 100,
      eventLoopDelayMaxMs: Math.round(histogram.max / 1e4) / 100,
      cpus: cpus().length,
    };
  } finally {
    client.kill();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runWsBench(Number(process.argv[2] ?? 10_000))));
}
