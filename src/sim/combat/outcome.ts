// The battle outcome as reports, WebSocket messages and POST /simulate/battle show it: the
// specification's fields (winner, powers, losses, remaining) plus rounds, loot, debris, moon
// chance, the seed and a summary of every round.

import type { BattleInput, BattleResult, RoundSideStats } from '../battle/index.js';
import type { Coordinates } from '../types.js';
import type { Aftermath } from './aftermath.js';
import { powerOf } from './groups.js';

function sideRound(stats: RoundSideStats) {
  return {
    shots: stats.shots,
    damage_dealt: stats.damageDealt,
    damage_absorbed: stats.damageAbsorbed,
    units_lost: stats.unitsLost,
    units_remaining: stats.survivorsByGroup.reduce((a, b) => a + b, 0),
  };
}

export function roundSummaries(result: BattleResult) {
  return result.rounds.map((r) => ({
    round: r.round,
    attacker: sideRound(r.attackers),
    defender: sideRound(r.defenders),
  }));
}

export type BattleOutcome = ReturnType<typeof battleOutcome>;

export const locationView = (c: Coordinates) => ({
  galaxy: c.galaxy,
  system: c.system,
  planet: c.position,
});

/** The outcome object of a battle report (and of one simulated battle). */
export function battleOutcome(
  input: BattleInput,
  result: BattleResult,
  after: Aftermath,
  where: { at: number; location: Coordinates } | null,
) {
  return {
    winner: result.winner,
    rounds: result.roundsFought,
    seed: result.seed,
    attacker_power: powerOf(input.attackers),
    defender_power: powerOf(input.defenders),
    attacker_remaining_power: powerOf(input.attackers, after.attackerSurvivors),
    defender_remaining_power: powerOf(input.defenders, after.defenderSurvivors),
    attacker_losses: after.attackerLosses,
    defender_losses: after.defenderLosses,
    attacker_remaining: after.attackerSurvivors,
    defender_remaining: after.defenderSurvivors,
    defender_repaired: after.repaired,
    loot: after.loot,
    debris: after.debris,
    moon_chance: after.moonChance,
    round_summaries: roundSummaries(result),
    ...(where
      ? { resolved_at: new Date(where.at).toISOString(), location: locationView(where.location) }
      : {}),
  };
}
