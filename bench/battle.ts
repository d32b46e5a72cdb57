// Battle engine benchmark: `node --import tsx --expose-gc bench/battle.ts`.
// Three battles (big, mid-size, small), each run several times on the main thread, then the big
// one through the worker thread. Prints median/min wall time and the peak extra memory:
// RSS sampled every millisecond on a helper thread, minus the RSS before the run (after a GC
// when --expose-gc is given); heap and ArrayBuffer growth are read right after the run, before
// any GC, so the battle's arrays are still counted.

import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { OGAME_COMBAT_UNITS, type CombatUnitId } from '../src/rules/ogame/combat-units.js';
import { runBattle } from '../src/sim/battle/engine.js';
import { combatGroup } from '../src/sim/battle/research.js';
import type { BattleInput, BattleResult, CombatGroup } from '../src/sim/battle/types.js';
import { BattleWorker } from '../src/sim/battle/worker-client.js';
import { RssSampler } from './memory-sampler.js';

export interface BattleBenchResult {
  readonly name: string;
  readonly mode: 'main-thread' | 'worker';
  readonly units: number;
  readonly runs: number;
  readonly firstMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Shots fired by both sides over all rounds (same in every run: same seed). */
  readonly shots: number;
  readonly rounds: number;
  readonly winner: string;
  /** Highest sampled RSS during a run minus RSS before it, worst run (MiB). */
  readonly peakExtraRssMiB: number;
  /** Heap used / ArrayBuffer memory right after a run minus before it, worst run (MiB). */
  readonly heapDeltaMiB: number;
  readonly arrayBuffersDeltaMiB: number;
  readonly gcExposed: boolean;
  readonly cpus: number;
  readonly node: string;
}

interface Scenario {
  readonly name: string;
  readonly runs: number;
  readonly input: BattleInput;
}

const MIB = 1024 * 1024;
const SEED = 20_240_601;

function units(list: Array<[CombatUnitId, number]>): CombatGroup[] {
  return list.map(([type, count]) => combatGroup(type, count, OGAME_COMBAT_UNITS[type]));
}

export const BATTLE_SCENARIOS: readonly Scenario[] = [
  {
    name: 'big: 700k cruisers + 100k battleships vs 20k plasma + 100k rocket launchers',
    runs: 9,
    input: {
      seed: SEED,
      attackers: {
        groups: units([
          ['cruiser', 700_000],
          ['battleship', 100_000],
        ]),
      },
      defenders: {
        groups: units([
          ['plasma_turret', 20_000],
          ['rocket_launcher', 100_000],
        ]),
      },
    },
  },
  {
    name: 'mid: 10k LF + 1k cruisers vs 5k RL + 500 HL + 100 gauss',
    runs: 25,
    input: {
      seed: SEED,
      attackers: {
        groups: units([
          ['light_fighter', 10_000],
          ['cruiser', 1000],
        ]),
      },
      defenders: {
        groups: units([
          ['rocket_launcher', 5000],
          ['heavy_laser', 500],
          ['gauss_cannon', 100],
        ]),
      },
    },
  },
  {
    name: 'small: 100 cruisers vs 100 rocket launchers',
    runs: 200,
    input: {
      seed: SEED,
      attackers: { groups: units([['cruiser', 100]]) },
      defenders: { groups: units([['rocket_launcher', 100]]) },
    },
  },
];

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

interface RunSample {
  ms: number;
  result: BattleResult;
  peakExtraRss: number;
  heapDelta: number;
  arrayBuffersDelta: number;
}

async function measure(
  sampler: RssSampler,
  fight: () => BattleResult | Promise<BattleResult>,
): Promise<RunSample> {
  gc?.();
  const before = process.memoryUsage();
  sampler.reset();
  const start = performance.now();
  const result = await fight();
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  return {
    ms,
    result,
    peakExtraRss: sampler.peakBytes() - before.rss,
    heapDelta: after.heapUsed - before.heapUsed,
    arrayBuffersDelta: after.arrayBuffers - before.arrayBuffers,
  };
}

function summarize(
  scenario: Scenario,
  mode: BattleBenchResult['mode'],
  samples: RunSample[],
): BattleBenchResult {
  const times = samples.map((s) => s.ms);
  const sorted = [...times].sort((a, b) => a - b);
  const last = samples.at(-1)!.result;
  const round = (x: number) => Math.round(x * 100) / 100;
  const worst = (pick: (s: RunSample) => number) => round(Math.max(...samples.map(pick)) / MIB);
  const count = (groups: readonly CombatGroup[]) => groups.reduce((n, g) => n + g.count, 0);
  return {
    name: scenario.name,
    mode,
    units: count(scenario.input.attackers.groups) + count(scenario.input.defenders.groups),
    runs: samples.length,
    firstMs: round(times[0]!),
    medianMs: round(sorted[sorted.length >> 1]!),
    minMs: round(sorted[0]!),
    maxMs: round(sorted.at(-1)!),
    shots: last.rounds.reduce((n, r) => n + r.attackers.shots + r.defenders.shots, 0),
    rounds: last.roundsFought,
    winner: last.winner,
    peakExtraRssMiB: worst((s) => s.peakExtraRss),
    heapDeltaMiB: worst((s) => s.heapDelta),
    arrayBuffersDeltaMiB: worst((s) => s.arrayBuffersDelta),
    gcExposed: gc !== undefined,
    cpus: cpus().length,
    node: process.version,
  };
}

/** Runs every scenario on the main thread, then the big one on a worker thread. */
export async function runBattleBench(): Promise<BattleBenchResult[]> {
  const sampler = new RssSampler();
  const results: BattleBenchResult[] = [];
  try {
    for (const scenario of BATTLE_SCENARIOS) {
      const samples: RunSample[] = [];
      for (let i = 0; i < scenario.runs; i++) {
        samples.push(await measure(sampler, () => runBattle(scenario.input)));
      }
      results.push(summarize(scenario, 'main-thread', samples));
    }
    const big = BATTLE_SCENARIOS[0]!;
    const worker = new BattleWorker();
    try {
      await worker.run(BATTLE_SCENARIOS[2]!.input); // start the thread outside the timing
      const samples: RunSample[] = [];
      for (let i = 0; i < big.runs; i++) {
        samples.push(await measure(sampler, () => worker.run(big.input)));
      }
      results.push(summarize(big, 'worker', samples));
    } finally {
      await worker.close();
    }
  } finally {
    await sampler.close();
  }
  return results;
}

function printResults(results: readonly BattleBenchResult[]): void {
  const first = results[0];
  if (first !== undefined) {
    console.log(
      `node ${first.node}, os.cpus().length = ${first.cpus}, gc exposed: ${first.gcExposed}`,
    );
  }
  console.table(
    results.map((r) => ({
      battle: `${r.name.split(':')[0]} (${r.mode})`,
      units: r.units,
      runs: r.runs,
      'first ms': r.firstMs,
      'median ms': r.medianMs,
      'min ms': r.minMs,
      shots: r.shots,
      rounds: r.rounds,
      winner: r.winner,
      'peak +RSS MiB': r.peakExtraRssMiB,
      '+heap MiB': r.heapDeltaMiB,
      '+arrayBuffers MiB': r.arrayBuffersDeltaMiB,
    })),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printResults(await runBattleBench());
}
