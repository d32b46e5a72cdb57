// The battle engine: OGame's round structure (spec/ogame-rules.md, "Battle engine rules") on
// top of the struct-of-arrays side state and the inlined-PRNG volley loop. Pure: the result is a
// function of the input alone (the seed included), so a stored seed replays the battle.

import { seedState } from '../random.js';
import { outcomeOf, roundSideStats } from './outcome.js';
import { buildShotTable } from './shot-table.js';
import { compactSide, createSideState } from './side-state.js';
import type { BattleInput, BattleResult, BattleWinner, RoundSummary } from './types.js';
import { fireVolley, newVolleyStats } from './volley.js';
import { WARM_UP_BATTLE, WARM_UP_REPETITIONS } from './warm-up.js';

/** The game fights at most six rounds; a battle still undecided then is a draw. */
export const DEFAULT_MAX_ROUNDS = 6;

/** Per thread: whether the JIT has seen every branch of the engine yet (see warm-up.ts). */
let warmedUp = false;

/**
 * Runs the warm-up battle a few times, once per thread (~5-10 ms); runBattle does this itself on
 * first use, the battle worker at start-up.
 */
export function warmUpBattleEngine(): void {
  if (warmedUp) return;
  warmedUp = true;
  for (let i = 0; i < WARM_UP_REPETITIONS; i++) simulate(WARM_UP_BATTLE);
}

/**
 * Fights a battle: up to maxRounds (6) rounds, attackers fire first, then defenders, destroyed
 * units leave at round end and shields regenerate; stops early when a side is empty.
 * Deterministic: the same input (seed included) always gives the same result.
 */
export function runBattle(input: BattleInput): BattleResult {
  warmUpBattleEngine();
  return simulate(input);
}

function simulate(input: BattleInput): BattleResult {
  const maxRounds = input.maxRounds ?? DEFAULT_MAX_ROUNDS;
  if (!Number.isInteger(maxRounds) || maxRounds < 0) {
    throw new RangeError('maxRounds must be an integer >= 0');
  }
  const attackerGroups = input.attackers.groups;
  const defenderGroups = input.defenders.groups;
  const att = createSideState(input.attackers, 'attackers');
  const def = createSideState(input.defenders, 'defenders');
  const attackerShots = buildShotTable(attackerGroups, defenderGroups);
  const defenderShots = buildShotTable(defenderGroups, attackerGroups);
  const rng = seedState(input.seed);
  const rounds: RoundSummary[] = [];

  while (rounds.length < maxRounds && att.count > 0 && def.count > 0) {
    const attackerVolley = newVolleyStats();
    const defenderVolley = newVolleyStats();
    // Attackers fire first, then defenders; both fire with everything alive at round start,
    // because destroyed units are only removed at the end of the round.
    fireVolley(att, def, attackerShots, rng, attackerVolley);
    fireVolley(def, att, defenderShots, rng, defenderVolley);
    const attackersLost = compactSide(att);
    const defendersLost = compactSide(def);
    rounds.push({
      round: rounds.length + 1,
      attackers: roundSideStats(attackerVolley, attackersLost, att.alive),
      defenders: roundSideStats(defenderVolley, defendersLost, def.alive),
    });
  }

  return {
    seed: input.seed,
    winner: winnerOf(att.count, def.count),
    roundsFought: rounds.length,
    rounds,
    attackers: outcomeOf(attackerGroups, att.alive),
    defenders: outcomeOf(defenderGroups, def.alive),
  };
}

/** Attacker wins if no defender is left, defender wins if no attacker is left, else a draw. */
function winnerOf(attackersLeft: number, defendersLeft: number): BattleWinner {
  if (defendersLeft === 0 && attackersLeft > 0) return 'attacker';
  if (attackersLeft === 0 && defendersLeft > 0) return 'defender';
  return 'draw';
}
