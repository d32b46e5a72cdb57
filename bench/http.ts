// HTTP benchmarks with autocannon against a real listening server:
//  - reads: GET /player/{id} with a valid token, 50 connections, compared with a bare node:http
//    server returning the same JSON from memory;
//  - durable commands: POST /player/{id}/build from 200 players, 50 connections, every response
//    sent only after its commit.
// `node --import tsx bench/http.ts` (embedded; PostgreSQL too when DATABASE_URL is set).
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { TokenService } from '../src/api/auth/tokens.js';
import { systemClock } from '../src/runtime/clock.js';
import { seededStore, type BenchStore } from './fixtures.js';
import { startServerProcess } from './server-process.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const COMMAND_PLAYERS = 200;
const WARM_UP_S = 2;

export interface HttpBenchResult {
  name: string;
  store: BenchStore | 'none';
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  cpus: number;
}

function summarise(
  name: string,
  store: HttpBenchResult['store'],
  r: autocannon.Result,
): HttpBenchResult {
  return {
    name,
    store,
    connections: CONNECTIONS,
    seconds: r.duration,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpus: cpus().length,
  };
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function withServer<T>(
  store: BenchStore,
  players: number,
  fn: (url: string, tokens: { id: number; token: string }[]) => Promise<T>,
): Promise<T> {
  const { env, config, built, drop } = await seededStore(store, players);
  const server = await startServerProcess(env);
  const tokens = new TokenService(
    String(config.jwt.secret),
    config.jwt.algorithm,
    3_600_000,
    systemClock,
  );
  const sessions = built.users.map((u) => ({ id: u.id, token: tokens.issue(u.id).token }));
  try {
    return await fn(server.url, sessions);
  } finally {
    await server.stop();
    await drop();
  }
}

/** A short unmeasured run first, so the server's JIT is warm when the measured run starts. */
async function warmUp(options: autocannon.Options): Promise<void> {
  await cannon({ ...options, duration: WARM_UP_S });
}

/** GET /player/{id} against the game server. */
export async function benchReads(
  store: BenchStore,
): Promise<{ result: HttpBenchResult; body: string }> {
  return withServer(store, 1, async (url, [player]) => {
    const path = `/player/${player!.id}`;
    const headers = { authorization: `Bearer ${player!.token}` };
    const body = await (await fetch(url + path, { headers })).text();
    const options = { url: url + path, headers, connections: CONNECTIONS };
    // Warmed up like the bare server below: without it the game server was measured with its
    // JIT cold and the comparison was unfair to it.
    await warmUp(options);
    const r = await cannon({ ...options, duration: DURATION_S });
    return { result: summarise('GET /player/{id}', store, r), body };
  });
}

/**
 * The same JSON from a bare node:http server in its own process (like the game server): the
 * ceiling for this machine and this load generator.
 */
export async function benchBareNode(body: string): Promise<HttpBenchResult> {
  const script = `
    const body = process.env.BODY;
    const server = require('node:http').createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => process.send(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, BODY: body },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (p) => resolve(p as number)),
  );
  try {
    const options = { url: `http://127.0.0.1:${port}/player/1`, connections: CONNECTIONS };
    await warmUp(options);
    const r = await cannon({ ...options, duration: DURATION_S });
    return summarise('bare node:http, same JSON', 'none', r);
  } finally {
    child.kill();
  }
}

/** Every seed building; rotating over them keeps levels (and so prices and times) moderate. */
const BUILDINGS = [
  'metal_mine',
  'crystal_mine',
  'deuterium_synthesizer',
  'solar_plant',
  'robot_factory',
  'shipyard',
  'research_lab',
  'fusion_reactor',
  'metal_storage',
  'crystal_storage',
  'deuterium_tank',
];

/** POST /player/{id}/build rotating over 200 rich players: each success is a committed command. */
export async function benchCommands(store: BenchStore): Promise<HttpBenchResult> {
  return withServer(store, COMMAND_PLAYERS, async (url, players) => {
    let next = 0;
    const r = await cannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const n = next++;
            const p = players[n % players.length]!;
            const building = BUILDINGS[Math.floor(n / players.length) % BUILDINGS.length];
            return {
              ...req,
              path: `/player/${p.id}/build`,
              headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ building_type: building }),
            };
          },
        },
      ],
    });
    return summarise('POST /player/{id}/build (durable)', store, r);
  });
}

export async function runHttpBench(stores: BenchStore[]): Promise<HttpBenchResult[]> {
  const out: HttpBenchResult[] = [];
  let body = '';
  for (const store of stores) {
    const reads = await benchReads(store);
    body = reads.body;
    out.push(reads.result);
  }
  out.push(await benchBareNode(body));
  for (const store of stores) out.push(await benchCommands(store));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const stores: BenchStore[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
  for (const r of await runHttpBench(stores)) console.log(JSON.stringify(r));
}
