// POST /simulate/battle: a stand-alone battle (or N seeded battles) between two unit lists,
// under the active ruleset. Every field is validated here (400 naming it), so the engine never
// sees bad input. Pure: the caller decides where the battles run (inline or on the worker).

import type { Levels, Ruleset, UnitCategory } from '../../rules/types.js';
import type { BattleInput, BattleResult } from '../battle/index.js';
import type { SimSettings } from '../context.js';
import { badRequest } from '../errors.js';
import type { Resources } from '../types.js';
import { battleAftermath } from './aftermath.js';
import { combatSide, unitsIn } from './groups.js';
import { battleOutcome, type BattleOutcome } from './outcome.js';

/** Most battles one request may average over. */
export const MAX_SIMULATION_RUNS = 100;
/** Most units (both sides) of one simulated battle. */
export const MAX_SIMULATION_UNITS = 2_000_000;
/** Most units × runs of one request, which bounds its CPU time (~ a second on the worker). */
export const MAX_SIMULATION_UNIT_RUNS = 10_000_000;
/** Highest technology level accepted. */
export const MAX_TECH_LEVEL = 100;
const MAX_RESOURCE = 1e15;
const UINT32_RANGE = 2 ** 32;
const AVERAGE_DECIMALS = 100;

export interface SimulationBody {
  attacker?: unknown;
  defender?: unknown;
  seed?: unknown;
  runs?: unknown;
}

export interface PreparedSimulation {
  inputs: BattleInput[];
  /** Units of one battle (both sides). */
  units: number;
  attackerResearch: Levels;
  defenderResources: Resources;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

function objectField(
  parent: Record<string, unknown>,
  key: string,
  path: string,
): Record<string, unknown> {
  const value = parent[key];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw badRequest('invalid_field', `${path}.${key} must be an object`);
  return value;
}

function counts(
  rules: Ruleset,
  raw: Record<string, unknown>,
  category: UnitCategory,
  path: string,
) {
  const out: Record<string, number> = {};
  for (const [type, count] of Object.entries(raw)) {
    if (rules.unit(type)?.category !== category) {
      const valid = rules.units(category).map((u) => u.type);
      throw badRequest(
        'unknown_type',
        `${path}: unknown ${category} type "${type}". Valid values: ${valid.join(', ') || '(none)'}`,
        {
          valid,
        },
      );
    }
    if (!isWhole(count, MAX_SIMULATION_UNITS)) {
      throw badRequest(
        'invalid_field',
        `${path}.${type} must be a whole number in [0, ${MAX_SIMULATION_UNITS}]`,
      );
    }
    if (count > 0) out[type] = count;
  }
  return out;
}

function techs(rules: Ruleset, raw: Record<string, unknown>, path: string): Levels {
  const out: Record<string, number> = {};
  for (const [type, level] of Object.entries(raw)) {
    if (rules.unit(type)?.category !== 'research') {
      const valid = rules.units('research').map((u) => u.type);
      throw badRequest(
        'unknown_type',
        `${path}: unknown technology "${type}". Valid values: ${valid.join(', ')}`,
        {
          valid,
        },
      );
    }
    if (!isWhole(level, MAX_TECH_LEVEL))
      throw badRequest(
        'invalid_field',
        `${path}.${type} must be a whole number in [0, ${MAX_TECH_LEVEL}]`,
      );
    out[type] = level;
  }
  return out;
}

function resources(raw: Record<string, unknown>, path: string): Resources {
  const out: Resources = { metal: 0, crystal: 0, deuterium: 0 };
  for (const [kind, amount] of Object.entries(raw)) {
    // Own keys only: `in` also finds inherited names, which let "constructor" or "toString"
    // pass as resources (found by the security fuzzer, issue 6).
    if (!Object.hasOwn(out, kind))
      throw badRequest(
        'unknown_type',
        `${path}: unknown resource "${kind}" (metal, crystal, deuterium)`,
      );
    if (
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      amount < 0 ||
      amount > MAX_RESOURCE
    ) {
      throw badRequest('invalid_field', `${path}.${kind} must be a number in [0, ${MAX_RESOURCE}]`);
    }
    out[kind as keyof Resources] = Math.floor(amount);
  }
  return out;
}

/** Validates the body and builds one engine input per run (seeds seed, seed + 1, ...). */
export function prepareSimulation(
  rules: Ruleset,
  body: SimulationBody,
  defaultSeed: number,
): PreparedSimulation {
  if (!isObject(body.attacker))
    throw badRequest('invalid_field', 'attacker must be an object {ships, techs}');
  if (!isObject(body.defender))
    throw badRequest(
      'invalid_field',
      'defender must be an object {ships, defenses, techs, resources}',
    );
  const seed = body.seed ?? defaultSeed;
  if (!isWhole(seed, UINT32_RANGE - 1))
    throw badRequest('invalid_field', `seed must be a whole number in [0, ${UINT32_RANGE - 1}]`);
  const runs = body.runs ?? 1;
  if (!isWhole(runs, MAX_SIMULATION_RUNS) || runs < 1) {
    throw badRequest('invalid_field', `runs must be a whole number in [1, ${MAX_SIMULATION_RUNS}]`);
  }
  const a = body.attacker;
  const d = body.defender;
  const attackerShips = counts(
    rules,
    objectField(a, 'ships', 'attacker'),
    'ship',
    'attacker.ships',
  );
  if (Object.keys(attackerShips).length === 0)
    throw badRequest('no_ships_selected', 'attacker.ships must contain at least one ship');
  const defenderUnits = {
    ...counts(rules, objectField(d, 'ships', 'defender'), 'ship', 'defender.ships'),
    ...counts(rules, objectField(d, 'defenses', 'defender'), 'defense', 'defender.defenses'),
  };
  const attackerResearch = techs(rules, objectField(a, 'techs', 'attacker'), 'attacker.techs');
  const defenderResearch = techs(rules, objectField(d, 'techs', 'defender'), 'defender.techs');
  const attackers = combatSide(rules, attackerShips, attackerResearch);
  const defenders = combatSide(rules, defenderUnits, defenderResearch);
  const units = unitsIn(attackers) + unitsIn(defenders);
  if (units > MAX_SIMULATION_UNITS)
    throw badRequest(
      'simulation_too_large',
      `At most ${MAX_SIMULATION_UNITS} units per battle (got ${units})`,
    );
  if (units * runs > MAX_SIMULATION_UNIT_RUNS) {
    throw badRequest(
      'simulation_too_large',
      `units x runs must be at most ${MAX_SIMULATION_UNIT_RUNS} (got ${units * runs})`,
    );
  }
  const inputs: BattleInput[] = [];
  for (let i = 0; i < runs; i++)
    inputs.push({ seed: (seed + i) % UINT32_RANGE, attackers, defenders });
  return {
    inputs,
    units,
    attackerResearch,
    defenderResources: resources(objectField(d, 'resources', 'defender'), 'defender.resources'),
  };
}

const round2 = (x: number) => Math.round(x * AVERAGE_DECIMALS) / AVERAGE_DECIMALS;

function averageCounts(all: ReadonlyArray<object>, runs: number) {
  const sums: Record<string, number> = {};
  for (const one of all) {
    for (const [k, v] of Object.entries(one as Record<string, number>))
      sums[k] = (sums[k] ?? 0) + v;
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, round2(v / runs)]));
}

/** Per-field averages of several outcomes, the win counts and the most frequent winner. */
function averageOutcomes(outcomes: readonly BattleOutcome[]) {
  const runs = outcomes.length;
  const wins = { attacker: 0, defender: 0, draw: 0 };
  for (const o of outcomes) wins[o.winner]++;
  const top = Math.max(wins.attacker, wins.defender, wins.draw);
  const leaders = (Object.keys(wins) as Array<keyof typeof wins>).filter((w) => wins[w] === top);
  const mean = (f: (o: BattleOutcome) => number) =>
    round2(outcomes.reduce((s, o) => s + f(o), 0) / runs);
  const first = outcomes[0] as BattleOutcome;
  return {
    runs,
    winner: leaders.length === 1 ? leaders[0] : 'draw',
    wins,
    rounds: mean((o) => o.rounds),
    seed: first.seed,
    attacker_power: first.attacker_power,
    defender_power: first.defender_power,
    attacker_remaining_power: mean((o) => o.attacker_remaining_power),
    defender_remaining_power: mean((o) => o.defender_remaining_power),
    attacker_losses: averageCounts(
      outcomes.map((o) => o.attacker_losses),
      runs,
    ),
    defender_losses: averageCounts(
      outcomes.map((o) => o.defender_losses),
      runs,
    ),
    attacker_remaining: averageCounts(
      outcomes.map((o) => o.attacker_remaining),
      runs,
    ),
    defender_remaining: averageCounts(
      outcomes.map((o) => o.defender_remaining),
      runs,
    ),
    debris: averageCounts(
      outcomes.map((o) => o.debris),
      runs,
    ),
    loot: averageCounts(
      outcomes.map((o) => o.loot),
      runs,
    ),
    moon_chance: mean((o) => o.moon_chance),
  };
}

/** One battle: its full outcome. Several: averages, with `wins` and `runs`. */
export function summarizeSimulation(
  rules: Ruleset,
  combat: SimSettings['combat'],
  prepared: PreparedSimulation,
  results: readonly BattleResult[],
) {
  const outcomes = results.map((result, i) =>
    battleOutcome(
      prepared.inputs[i] as BattleInput,
      result,
      battleAftermath({
        rules,
        combat,
        result,
        attackerResearch: prepared.attackerResearch,
        defenderResources: prepared.defenderResources,
        carried: 0,
      }),
      null,
    ),
  );
  if (outcomes.length === 1) return { runs: 1, ...(outcomes[0] as BattleOutcome) };
  return averageOutcomes(outcomes);
}
