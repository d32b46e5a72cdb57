// The kill -9 loop: a real server process per life, clients hammering it, SIGKILL at seeded
// random moments (under load, right after start-up, or during start-up itself), and after every
// kill the durable state is reconciled with everything the clients were told.

import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { createRuleset } from '../../../src/rules/index.js';
import { createRng } from '../../../src/sim/random.js';
import {
  freePort,
  spawnServer,
  storeEnv,
  waitReady,
  type ServerProcess,
} from '../../helpers/process.js';
import { readDurable } from './durable.js';
import { http, percentile } from './http.js';
import { baselineOf, Ledger } from './ledger.js';
import { ADMIN_TOKEN, chaosEnv, setupPlayers, TRADE_FEE_RATE, type Player } from './setup.js';
import { Client, Gate, type Board, type WorkloadOptions } from './workload.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ChaosOptions {
  players: number;
  /** At least this many kills ... */
  kills: number;
  /** ... and at least this many seconds of kill loop (the soak mode). */
  seconds: number;
  seed: number;
  flightSeconds: [number, number];
}

/** Soak mode: CHAOS_SOAK_SECONDS=300 runs the kill loop for five minutes per store. */
export function chaosOptions(seedBase: number): ChaosOptions {
  const soak = Number(process.env.CHAOS_SOAK_SECONDS ?? 0);
  const seed = Number(process.env.CHAOS_SEED ?? seedBase);
  if (soak > 0) {
    return {
      players: Number(process.env.CHAOS_PLAYERS ?? 12),
      kills: 20,
      seconds: soak,
      seed,
      flightSeconds: [2, 30],
    };
  }
  return {
    players: Number(process.env.CHAOS_PLAYERS ?? 6),
    kills: Number(process.env.CHAOS_KILLS ?? 20),
    seconds: 0,
    seed,
    flightSeconds: [1, 8],
  };
}

export interface ChaosReport {
  store: string;
  players: number;
  kills: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  acknowledged: number;
  rejected: number;
  inDoubt: number;
  errors: number;
  errorSamples: string[];
  /** Error lines the server processes logged (level error or fatal), first few. */
  serverErrors: string[];
  battles: number;
  trades: number;
  /** Timers that fired (from the stored completion notices and reports). */
  timers: { buildings: number; research: number; shipOrders: number; spied: number };
  violations: number;
}

export function formatReport(r: ChaosReport): string {
  return (
    `${r.store}: ${r.players} players/clients, ${r.kills} kills survived in ${r.seconds.toFixed(0)} s; ` +
    `${r.requests} requests (${r.requestsPerSecond.toFixed(0)}/s while up), p50 ${r.p50.toFixed(1)} ms, ` +
    `p99 ${r.p99.toFixed(1)} ms; ${r.acknowledged} acknowledged, ${r.rejected} refused (4xx), ` +
    `${r.inDoubt} cut off by a kill; ${r.errors} errors; ${r.battles} battles, ${r.trades} trades, ` +
    `${r.timers.buildings} building levels, ${r.timers.research} research levels and ` +
    `${r.timers.shipOrders} ship orders completed, ${r.timers.spied} espionage reports; ` +
    `invariant violations: ${r.violations}`
  );
}

/** The error and fatal lines (pino levels 50 and 60) of a server's output. */
export function errorLines(server: ServerProcess): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
}

async function stopHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
  await server.exited;
}

/**
 * After a restart: nothing that fell due while the server was down is still pending (every
 * timer fired during the catch-up), and no stock is negative.
 */
export async function checkCaughtUp(base: string, players: readonly Player[]): Promise<string[]> {
  const v: string[] = [];
  for (const p of players) {
    const t0 = Date.now();
    const admin = await http(base, 'GET', `/admin/players/${p.id}`, { token: ADMIN_TOKEN });
    const fleet = await http(base, 'GET', `/player/${p.id}/fleet`, { token: p.token });
    if (admin.status !== 200 || fleet.status !== 200) {
      v.push(`player ${p.id}: reads after restart answered ${admin.status} / ${fleet.status}`);
      continue;
    }
    const due = (iso: string | null) => iso !== null && Date.parse(iso) <= t0;
    for (const planet of admin.body.planets) {
      for (const item of planet.build_queue)
        if (due(item.completion_time))
          v.push(`player ${p.id}: build ${item.type} ${item.level} overdue after restart`);
      for (const item of planet.ship_build_queue)
        if (due(item.next_completion_time))
          v.push(`player ${p.id}: ship order ${item.id} overdue after restart`);
      for (const [k, amount] of Object.entries(planet.resources))
        if (Number(amount) < 0) v.push(`player ${p.id}: ${k} ${amount} after restart`);
    }
    for (const item of admin.body.research_queue)
      if (due(item.completion_time))
        v.push(`player ${p.id}: research ${item.type} overdue after restart`);
    for (const f of fleet.body.missions)
      if (f.state === 'returning' && due(f.return_time))
        v.push(`fleet ${f.id}: return overdue after restart`);
  }
  return v;
}

function fail(violations: string[], when: string, server: ServerProcess | null): never {
  const shown = violations.slice(0, 30).join('\n  ');
  const log = server ? `\nserver output (tail):\n${server.output().slice(-4000)}` : '';
  assert.fail(`${violations.length} invariant violation(s) ${when}:\n  ${shown}${log}`);
}

export interface ChaosWorld {
  env: Record<string, string>;
  port: number;
  players: Player[];
  ledger: Ledger;
  gate: Gate;
  clients: Client[];
  /** Stops every client (after its request in flight). */
  stop(): Promise<void>;
}

/**
 * Starts a server on `env`, registers and equips the players, kills it to read the baseline
 * from the store, and builds the clients (started, waiting for the gate to open).
 */
export async function prepareWorld(
  t: TestContext,
  env: Record<string, string>,
  options: Pick<ChaosOptions, 'players' | 'seed' | 'flightSeconds'> & {
    onOutcome?: WorkloadOptions['onOutcome'];
  },
): Promise<ChaosWorld> {
  const port = await freePort();
  const server = spawnServer(t, env, port);
  await waitReady(server);
  const players = await setupPlayers(server.base, options.players);
  // The baseline is what the store holds after set-up (read after a first kill).
  await stopHard(server);
  const start = await readDurable(env);
  const ledger = new Ledger(
    players,
    baselineOf(start, players),
    createRuleset('seed'),
    TRADE_FEE_RATE,
  );
  const initial = ledger.reconcile(start, Date.now());
  if (initial.length > 0) fail(initial, 'at the baseline', server);
  const gate = new Gate();
  const board: Board = new Map();
  const clients = players.map(
    (p, i) =>
      new Client(
        p,
        players.filter((o) => o !== p),
        ledger,
        gate,
        board,
        {
          base: server.base,
          seed: options.seed * 1000 + i,
          flightSeconds: options.flightSeconds,
          onOutcome: options.onOutcome,
        },
      ),
  );
  for (const c of clients) c.start();
  return {
    env,
    port,
    players,
    ledger,
    gate,
    clients,
    stop: async () => {
      await Promise.all(clients.map((c) => c.stop()));
    },
  };
}

/** Waits until no client has a request in flight. */
export async function settled(world: ChaosWorld): Promise<void> {
  await Promise.all(world.clients.map((c) => c.settled()));
}

/** Reads the store and reconciles it with the ledger; fails the test on any violation. */
export async function reconcileOrFail(
  world: ChaosWorld,
  snapshotMs: number,
  when: string,
  server: ServerProcess | null,
): Promise<Awaited<ReturnType<typeof readDurable>>> {
  const state = await readDurable(world.env);
  const violations = world.ledger.reconcile(state, snapshotMs);
  if (violations.length > 0) fail(violations, when, server);
  return state;
}

/** The whole crash-safety run on one store; returns its figures. Fails on any violation. */
export async function runChaos(
  t: TestContext,
  kind: 'embedded' | 'postgres',
  options: ChaosOptions,
): Promise<ChaosReport> {
  const env = { ...(await storeEnv(t, kind)), ...chaosEnv() };
  const world = await prepareWorld(t, env, options);
  const { port, players, ledger, gate, clients } = world;
  let server: ServerProcess | null = null;
  const rng = createRng(options.seed);
  const started = Date.now();
  let kills = 0;
  let upMs = 0;
  const serverErrors: string[] = [];
  const collect = (s: ServerProcess) =>
    serverErrors.push(...errorLines(s).slice(0, 10 - serverErrors.length));
  try {
    while (kills < options.kills || Date.now() - started < options.seconds * 1000) {
      server = spawnServer(t, env, port);
      const mode = rng.next();
      if (mode < 0.1) {
        // Killed while starting: loading, replaying what fell due, first commit.
        await sleep(150 + rng.int(1200));
      } else {
        await waitReady(server);
        if (kills % 4 === 0) {
          const late = await checkCaughtUp(server.base, players);
          if (late.length > 0) fail(late, `after restart ${kills}`, server);
        }
        gate.open();
        const upAt = Date.now();
        // A few kills land right after the restart, the others under full load.
        await sleep(mode < 0.25 ? rng.int(300) : 300 + rng.int(1700));
        upMs += Date.now() - upAt;
      }
      gate.close();
      server.child.kill('SIGKILL');
      const killedAt = Date.now();
      await server.exited;
      collect(server);
      kills++;
      await settled(world);
      await reconcileOrFail(world, killedAt, `after kill ${kills}`, server);
    }

    // Last life: load, then a graceful stop, then one more start to check the catch-up.
    server = spawnServer(t, env, port);
    await waitReady(server);
    gate.open();
    const upAt = Date.now();
    await sleep(1000);
    upMs += Date.now() - upAt;
    gate.close();
    await Promise.all(clients.map((c) => c.settled()));
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output().slice(-4000));
    collect(server);
    await reconcileOrFail(world, Date.now(), 'after the graceful stop', server);
    server = spawnServer(t, env, port);
    await waitReady(server);
    const late = await checkCaughtUp(server.base, players);
    if (late.length > 0) fail(late, 'after the last restart', server);
    await stopHard(server);
    collect(server);
    const last = await reconcileOrFail(world, Date.now(), 'after the last restart', server);

    const c = ledger.counters;
    const report: ChaosReport = {
      store: kind,
      players: players.length,
      kills,
      seconds: (Date.now() - started) / 1000,
      requests: c.requests,
      requestsPerSecond: c.latencies.length / Math.max(1, upMs / 1000),
      p50: percentile(c.latencies, 50),
      p99: percentile(c.latencies, 99),
      acknowledged: c.acknowledged,
      rejected: c.rejected,
      inDoubt: c.inDoubt,
      errors: c.errors,
      errorSamples: ledger.errorSamples,
      serverErrors,
      battles: last.reports.length,
      trades: last.offers.filter((o) => o.status === 'accepted').length,
      timers: {
        buildings: last.notifications.filter((n) => n.type === 'building_complete').length,
        research: last.notifications.filter((n) => n.type === 'research_complete').length,
        shipOrders: last.notifications.filter((n) => n.type === 'ship_build_complete').length,
        spied: last.espionage.length,
      },
      violations: 0,
    };
    return report;
  } finally {
    await world.stop();
  }
}
