// Everything about a shot that depends only on (shooter group, target group) is computed once
// per battle into flat typed matrices indexed [shooter * targetGroups + target]: whether the shot
// bounces, how much a full shield absorbs, and the rapid-fire threshold. The hot loop then needs
// one index computation and three array loads instead of map lookups and divisions.

import type { CombatGroup, RapidFireTable } from './types.js';

/** Shields work in steps of 1 % of the maximum shield (classic/live engines). */
const SHIELD_STEPS = 100;

/** uint32 range: a rapid-fire roll is a uint32 compared with a threshold in [0, 2^32). */
const UINT32_RANGE = 4294967296;

export interface ShotTable {
  readonly targetGroups: number;
  /** 1 when the shot is below 1 % of the target's max shield (or has no damage): no effect. */
  readonly bounce: Uint8Array;
  /**
   * Shield points one shot removes when the shield can take it: the damage rounded down to
   * whole 1 % steps of the max shield. Infinity for shieldless targets, so every shot at them
   * takes the "shield broken, rest to hull" path.
   */
  readonly absorb: Float64Array;
  /** Fire again when the next uint32 is below this; 0 means no rapid fire. */
  readonly rapidFireThreshold: Float64Array;
}

export function buildShotTable(
  shooters: readonly CombatGroup[],
  targets: readonly CombatGroup[],
): ShotTable {
  const tg = targets.length;
  const size = shooters.length * tg;
  const bounce = new Uint8Array(size);
  const absorb = new Float64Array(size);
  const rapidFireThreshold = new Float64Array(size);
  for (let s = 0; s < shooters.length; s++) {
    const shooter = shooters[s]!;
    const damage = shooter.attack;
    for (let t = 0; t < tg; t++) {
      const target = targets[t]!;
      const k = s * tg + t;
      const maxShield = target.shield;
      // Compare damage x 100 with the shield instead of damage with shield / 100: exact for
      // integer stats, so a shot of exactly 1 % does not bounce because of float rounding.
      bounce[k] = damage <= 0 || damage * SHIELD_STEPS < maxShield ? 1 : 0;
      absorb[k] =
        maxShield > 0
          ? (Math.floor((damage * SHIELD_STEPS) / maxShield) * maxShield) / SHIELD_STEPS
          : Infinity;
      rapidFireThreshold[k] = rapidFireThresholdOf(rapidFireValue(shooter.rapidFire, target.type));
    }
  }
  return { targetGroups: tg, bounce, absorb, rapidFireThreshold };
}

function rapidFireValue(table: RapidFireTable | undefined, targetType: string): number {
  if (table === undefined) return 0;
  if (table instanceof Map) return table.get(targetType) ?? 0;
  const record = table as Readonly<Record<string, number>>;
  return Object.hasOwn(record, targetType) ? (record[targetType] ?? 0) : 0;
}

/** Probability 1 - 1/n of another shot, as a uint32 threshold; n <= 1 means none. */
export function rapidFireThresholdOf(n: number): number {
  if (!(n > 1)) return 0;
  return Math.floor((1 - 1 / n) * UINT32_RANGE);
}
