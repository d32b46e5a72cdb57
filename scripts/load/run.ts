// The load test: `npm run load -- [--url http://host:port] [--players 200] [--duration 30]
// [--spawn-rate 50] [--json out.json]`. Without --url it starts a server of its own (embedded
// store in a temp dir, or PostgreSQL when --store postgres and DATABASE_URL are given) and
// stops it afterwards. Honours USER_PREFIX, WAIT_MIN, WAIT_MAX and BUILDING_TYPES like the
// reference server's Locust file. Exits 1 if any request failed (5xx, 429, network error).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SimulatedPlayer } from './player.js';
import { LoadStats } from './stats.js';

const DEFAULT_BUILDINGS =
  'metal_mine,crystal_mine,deuterium_synthesizer,solar_plant,robot_factory,shipyard';

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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms`);
}

async function startOwnServer(
  store: string,
  compiled: boolean,
): Promise<{ url: string; child: ChildProcess; cleanup: () => void }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ogame-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    STORAGE: store === 'postgres' ? 'postgres' : 'embedded',
    // Simulated players act every 0.1-0.5 s, above the per-user default of 100/min, and all
    // come from one address: the limits are measured elsewhere, not here.
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    INITIAL_PLANETS: '4096',
  };
  // --compiled runs the production build (npm run build first), as `npm start` does.
  const args = compiled ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, 30_000);
  return {
    url,
    child,
    cleanup: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      players: { type: 'string', default: '200' },
      duration: { type: 'string', default: '30' },
      'spawn-rate': { type: 'string', default: '50' },
      store: { type: 'string', default: 'embedded' },
      json: { type: 'string' },
      compiled: { type: 'boolean', default: false },
    },
  });
  const players = Number(values.players);
  const duration = Number(values.duration);
  const spawnRate = Number(values['spawn-rate']);
  const own = values.url
    ? null
    : await startOwnServer(values.store ?? 'embedded', values.compiled ?? false);
  const baseUrl = values.url ?? own!.url;
  const stats = new LoadStats();
  const options = {
    baseUrl,
    userPrefix: process.env.USER_PREFIX ?? 'load',
    waitMin: Number(process.env.WAIT_MIN ?? 0.1),
    waitMax: Number(process.env.WAIT_MAX ?? 0.5),
    buildingTypes: (process.env.BUILDING_TYPES ?? DEFAULT_BUILDINGS)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    stats,
    deadline: 0,
  };
  console.log(
    `load: ${players} players for ${duration} s against ${baseUrl} (spawn ${spawnRate}/s)`,
  );
  const started = Date.now();
  options.deadline = started + duration * 1000;
  const running: Promise<void>[] = [];
  try {
    for (let i = 0; i < players; i++) {
      const player = new SimulatedPlayer(options);
      running.push(player.start().then((ok) => (ok ? player.run() : undefined)));
      if ((i + 1) % spawnRate === 0) await new Promise((r) => setTimeout(r, 1000));
    }
    await Promise.all(running);
  } finally {
    own?.cleanup();
  }
  const summary = stats.summary((Date.now() - started) / 1000);
  console.table(summary.by_name.map((r) => ({ ...r })));
  const { by_name: _rows, ...headline } = summary;
  console.log(JSON.stringify(headline, null, 2));
  if (values.json) writeFileSync(values.json, JSON.stringify(summary, null, 2));
  return summary.errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
