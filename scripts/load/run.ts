// The load test: `npm run load -- [--url http://host:port] [--players 200] [--duration 30]
// [--setup-concurrency 4] [--spawn-rate 0] [--settle 2] [--no-equip] [--compiled]
// [--server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"] [--json out.json]`.
// Without --url it starts a server of its own (embedded store in a temp dir, or PostgreSQL when
// --store postgres and DATABASE_URL are given) and stops it afterwards. Two phases: set-up
// (register, log in, equip, open the WebSocket; argon2 hashing, paced and not measured), then
// the measured window of --duration seconds of gameplay only. Honours USER_PREFIX, WAIT_MIN,
// WAIT_MAX and BUILDING_TYPES like the reference server's Locust file, and ADMIN_TOKEN for
// equipping players on a --url server. Exits 1 if any request failed (an unexpected 4xx, 429,
// 5xx, network error or WebSocket close).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from './http.js';
import { SimulatedPlayer, type PlayerOptions } from './player.js';
import {
  gcMillis,
  listenOverflows,
  loopDelay,
  processCpuSeconds,
  schedstat,
  scrape,
  windowReport,
} from './server-metrics.js';
import { LoadStats } from './stats.js';

const DEFAULT_BUILDINGS =
  'metal_mine,crystal_mine,deuterium_synthesizer,solar_plant,robot_factory,shipyard';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms`);
}

interface OwnServer {
  url: string;
  child: ChildProcess;
  /** Stops the server (SIGTERM, waiting for it to exit so --cpu-prof files get written). */
  cleanup: () => Promise<void>;
}

async function startOwnServer(
  store: string,
  compiled: boolean,
  adminToken: string,
  nodeArgs: string[],
): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ogame-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    STORAGE: store === 'postgres' || store === 'memory' ? store : 'embedded',
    // Simulated players act every 0.1-0.5 s, above the per-user default of 100/min, and all
    // come from one address: the limits are measured elsewhere, not here.
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    INITIAL_PLANETS: '4096',
    ADMIN_TOKEN: adminToken,
  };
  // --compiled runs the production build (npm run build first), as `npm start` does.
  const args = [...nodeArgs, ...(compiled ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'])];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, 30_000);
  return {
    url,
    child,
    cleanup: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      players: { type: 'string', default: '200' },
      duration: { type: 'string', default: '30' },
      'setup-concurrency': { type: 'string', default: '8' },
      'spawn-rate': { type: 'string', default: '0' },
      settle: { type: 'string', default: '2' },
      'no-equip': { type: 'boolean', default: false },
      store: { type: 'string', default: 'embedded' },
      json: { type: 'string' },
      compiled: { type: 'boolean', default: false },
      'server-node-args': { type: 'string', default: '' },
      'sample-every': { type: 'string', default: '5' },
    },
  });
  const players = Number(values.players);
  const duration = Number(values.duration);
  const concurrency = Math.max(1, Number(values['setup-concurrency']));
  const spawnRate = Number(values['spawn-rate']);
  const settle = Number(values.settle);
  const sampleEvery = Number(values['sample-every']);
  const equip = !values['no-equip'];
  const adminToken = !equip
    ? null
    : values.url
      ? process.env.ADMIN_TOKEN || null
      : randomBytes(24).toString('hex');
  const own = values.url
    ? null
    : await startOwnServer(
        values.store ?? 'embedded',
        values.compiled ?? false,
        adminToken ?? '',
        (values['server-node-args'] ?? '').split(' ').filter(Boolean),
      );
  const baseUrl = values.url ?? own!.url;
  const http = new HttpClient(baseUrl);
  const options: PlayerOptions = {
    baseUrl,
    userPrefix: process.env.USER_PREFIX ?? 'load',
    waitMin: Number(process.env.WAIT_MIN ?? 0.1),
    waitMax: Number(process.env.WAIT_MAX ?? 0.5),
    buildingTypes: (process.env.BUILDING_TYPES ?? DEFAULT_BUILDINGS)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    adminToken,
    homes: [],
    setupStats: new LoadStats(),
    stats: new LoadStats(),
    measuring: false,
    deadline: Number.MAX_SAFE_INTEGER,
    wsMessages: new Map(),
  };
  const serverPid = own?.child.pid ?? null;
  const serverCpu = () => (serverPid === null ? null : processCpuSeconds(serverPid));
  const ready: SimulatedPlayer[] = [];
  try {
    // Phase 1, set-up (not measured): `concurrency` accounts at a time, optionally paced.
    console.log(
      `load set-up: ${players} players against ${baseUrl}, ${concurrency} at a time` +
        `${spawnRate > 0 ? `, at most ${spawnRate}/s` : ''}, ` +
        `${adminToken ? 'equipped by the operator API' : 'not equipped (no ADMIN_TOKEN)'}`,
    );
    const setupStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < players) {
          const i = next++;
          if (spawnRate > 0) {
            const due = setupStarted + (i * 1000) / spawnRate;
            if (due > performance.now()) await sleep(due - performance.now());
          }
          const player = new SimulatedPlayer(options);
          if (await player.setup()) ready.push(player);
        }
      }),
    );
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    console.log(
      `load set-up done: ${ready.length}/${players} players ready in ${round1(setupSeconds)} s; ` +
        `settling ${settle} s`,
    );
    // Every player's connection is used once more right before the window (see warm()).
    let warmNext = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (warmNext < ready.length) await ready[warmNext++]!.warm();
      }),
    );
    await sleep(settle * 1000);

    // Phase 2, the measured window: gameplay only.
    const before = await scrape(http);
    const overflows0 = listenOverflows();
    const sched0 = serverPid === null ? null : schedstat(serverPid);
    const clientSched0 = schedstat(process.pid);
    const serverCpu0 = serverCpu();
    const clientCpu0 = process.cpuUsage();
    const timeline: Array<Record<string, unknown>> = [];
    let lastGc = before ? gcMillis(before) : 0;
    let lastServerCpu = serverCpu0;
    let lastClientCpu = process.cpuUsage();
    const started = performance.now();
    let lastSample = started;
    const sampler = setInterval(() => {
      void scrape(http).then((s) => {
        const now = performance.now();
        const dt = (now - lastSample) / 1000;
        const cpu = serverCpu();
        const entry: Record<string, unknown> = {
          t_s: round1((now - started) / 1000),
          server_cpu_pct:
            cpu !== null && lastServerCpu !== null
              ? Math.round(((cpu - lastServerCpu) / dt) * 100)
              : null,
          client_cpu_pct: Math.round((cpuSince(lastClientCpu) / dt) * 100),
        };
        lastSample = now;
        lastServerCpu = cpu;
        lastClientCpu = process.cpuUsage();
        if (s) {
          Object.assign(entry, { loop_delay: loopDelay(s), gc_ms: round1(gcMillis(s) - lastGc) });
          lastGc = gcMillis(s);
        }
        timeline.push(entry);
      });
    }, sampleEvery * 1000);
    options.deadline = Date.now() + duration * 1000;
    options.measuring = true;
    console.log(`load window: ${ready.length} players for ${duration} s`);
    await Promise.all(ready.map((p) => p.run()));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const clientCpu = cpuSince(clientCpu0);
    const serverCpuEnd = serverCpu();
    const overflows1 = listenOverflows();
    const sched1 = serverPid === null ? null : schedstat(serverPid);
    const clientSched1 = schedstat(process.pid);
    const schedDelta = (a: ReturnType<typeof schedstat>, b: ReturnType<typeof schedstat>) =>
      a && b
        ? {
            on_cpu_s: round1(b.run_s - a.run_s),
            waiting_for_cpu_s: round1(b.wait_s - a.wait_s),
          }
        : null;
    options.measuring = false;
    const after = await scrape(http);
    // The server's own rolling timers (e.g. `commit`: the store's transaction, on its main
    // thread for the embedded store), over their most recent 1 024 samples.
    const json = await http.send('GET', '/metrics', '');
    const timers =
      json.status === 200
        ? ((JSON.parse(json.body) as { timers?: Record<string, unknown> }).timers ?? null)
        : null;

    const play = options.stats.summary(seconds);
    const setup = options.setupStats.summary(setupSeconds);
    const delays = timeline
      .map((e) => e.loop_delay as ReturnType<typeof loopDelay> | undefined)
      .filter((d) => d !== undefined);
    const summary = {
      players,
      players_ready: ready.length,
      ...play,
      by_name: [
        ...play.by_name.map((r) => ({ phase: 'play', ...r })),
        ...setup.by_name.map((r) => ({ phase: 'setup', ...r })),
      ],
      // The measured window is gameplay only; kept under these names for bench/index.ts.
      gameplay_p50_ms: play.p50_ms,
      gameplay_p99_ms: play.p99_ms,
      errors: play.errors + setup.errors,
      ws_messages: Object.fromEntries(options.wsMessages),
      setup: {
        seconds: setup.seconds,
        concurrency,
        equipped: adminToken !== null,
        requests: setup.requests,
        p50_ms: setup.p50_ms,
        p99_ms: setup.p99_ms,
        errors: setup.errors,
        errors_by_class: setup.errors_by_class,
        error_samples: setup.error_samples,
      },
      cpu: {
        client_s: round1(clientCpu),
        client_pct_of_core: Math.round((clientCpu / seconds) * 100),
        server_s:
          serverCpuEnd !== null && serverCpu0 !== null ? round1(serverCpuEnd - serverCpu0) : null,
        server_pct_of_core:
          serverCpuEnd !== null && serverCpu0 !== null
            ? Math.round(((serverCpuEnd - serverCpu0) / seconds) * 100)
            : null,
        // Main threads: time on a CPU and time runnable but waiting for one (starvation).
        server_main_thread: schedDelta(sched0, sched1),
        // Other work on the machine (1-minute load average at the end of the window).
        machine_load_avg: round1(loadavg()[0] ?? 0),
        client_main_thread: schedDelta(clientSched0, clientSched1),
        // Machine-wide (other processes' listen queues count too); should stay 0.
        listen_overflows:
          overflows0 !== null && overflows1 !== null ? overflows1 - overflows0 : null,
      },
      server:
        before && after
          ? {
              loop_delay_p99_ms_worst_slice: Math.max(0, ...delays.map((d) => d.p99_ms)),
              loop_delay_max_ms: Math.max(0, ...delays.map((d) => d.max_ms)),
              ...windowReport(before, after),
              timers,
              timeline,
            }
          : null,
    };
    printReport(summary, play.by_name, setup.by_name);
    if (values.json) writeFileSync(values.json, JSON.stringify(summary, null, 2));
    return summary.errors > 0 ? 1 : 0;
  } finally {
    options.measuring = false;
    for (const p of ready) p.close();
    http.close();
    await own?.cleanup();
  }
}

function printReport(
  summary: Record<string, unknown> & { server: Record<string, unknown> | null },
  play: Array<Record<string, unknown>>,
  setup: Array<Record<string, unknown>>,
): void {
  const table = (rows: Array<Record<string, unknown>>) =>
    console.table(
      rows.map(({ statuses, ...r }) => ({
        ...r,
        statuses: Object.entries(statuses as Record<string, number>)
          .map(([k, v]) => `${k}:${v}`)
          .join(' '),
      })),
    );
  console.log('\nset-up (not measured):');
  table(setup);
  console.log('\nmeasured window (gameplay):');
  table(play);
  if (summary.server) {
    const { http_by_route: routes, timeline, ...rest } = summary.server;
    console.log('\nserver-side latency by route in the window (Prometheus buckets):');
    console.table(routes);
    console.log('server timeline (every sample):');
    console.table(
      (timeline as Array<Record<string, unknown>>).map(({ loop_delay, ...e }) => ({
        ...e,
        ...(loop_delay as Record<string, number> | undefined),
      })),
    );
    console.log(JSON.stringify(rest, null, 2));
  }
  const { by_name: _rows, server: _server, ...headline } = summary;
  console.log(JSON.stringify(headline, null, 2));
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
