// The hot loop: one side's volley in one round. Written for V8's optimizing compiler rather than
// for elegance, because a million-unit battle fires millions of shots:
// - shooters need no per-unit state (every unit alive at round start fires, even if it is
//   destroyed later in the same round, since the game treats a round's shots as simultaneous),
//   so we loop over groups and counts, and a group's attack and rapid-fire row are loop constants;
// - the sfc32 generator is inlined with its state in four local variables (same stream as
//   src/sim/random.ts), so a random number costs a handful of integer instructions;
// - targets are indices into typed arrays; per (shooter, target group) facts come from ShotTable;
// - probabilities are compared as uint32 thresholds or products, never with a division.

import { UINT32_TO_UNIT } from '../random.js';
import type { ShotTable } from './shot-table.js';
import type { SideState } from './side-state.js';

/** Totals of one volley, accumulated into by fireVolley. */
export interface VolleyStats {
  shots: number;
  damageDealt: number;
  damageAbsorbed: number;
}

export function newVolleyStats(): VolleyStats {
  return { shots: 0, damageDealt: 0, damageAbsorbed: 0 };
}

/**
 * Every unit of `shooters` alive at round start fires at uniformly random units among the
 * `targets.count` units that were alive at round start (destroyed ones included: such a shot is
 * wasted). Rapid fire: after a shot at a target of group t, fire again at a new random target
 * with probability 1 - 1/n. A shot below 1 % of the target's max shield bounces; otherwise the
 * shield absorbs it in whole 1 % steps, and once the shield cannot, it breaks and the rest of
 * the damage goes to the hull. When the shield is down and the hull below 70 %, the unit
 * explodes with probability 1 - hull/maxHull (classic UnitShoot).
 *
 * `rng` is an sfc32 state (random.ts); it is read at the start and written back at the end.
 */
export function fireVolley(
  shooters: SideState,
  targets: SideState,
  table: ShotTable,
  rng: Uint32Array,
  stats: VolleyStats,
): void {
  const targetCount = targets.count;
  if (targetCount === 0) return;
  const tGroup = targets.group;
  const tHull = targets.hull;
  const tShield = targets.shield;
  const explodeBelow = targets.explodeBelow;
  const inverseMaxHull = targets.inverseMaxHull;
  const bounce = table.bounce;
  const absorb = table.absorb;
  const rapidFire = table.rapidFireThreshold;
  const targetGroups = table.targetGroups;
  const alive = shooters.alive;
  const attack = shooters.attack;
  const shooterGroups = alive.length;
  // uint32 x targetScale is in [0, targetCount): 2^-32 scaling is exact, the product cannot
  // round up to targetCount, and `| 0` truncates exactly because targetCount < 2^31.
  const targetScale = targetCount * UINT32_TO_UNIT;
  const toUnit = UINT32_TO_UNIT;

  let a = rng[0]! | 0;
  let b = rng[1]! | 0;
  let c = rng[2]! | 0;
  let d = rng[3]! | 0;
  let x = 0;
  let shots = 0;
  let dealt = 0;
  let absorbed = 0;

  for (let s = 0; s < shooterGroups; s++) {
    const units = alive[s]!;
    if (units === 0) continue;
    const damage = attack[s]!;
    const row = s * targetGroups;
    let groupShots = 0;
    for (let i = 0; i < units; i++) {
      for (;;) {
        // sfc32 step: x = next uint32 (as int32 bits).
        x = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + x) | 0;
        const idx = ((x >>> 0) * targetScale) | 0;
        const g = tGroup[idx]!;
        const k = row + g;
        groupShots++;
        const hull = tHull[idx]!;
        if (hull > 0) {
          if (bounce[k] === 0) {
            const shield = tShield[idx]!;
            const take = absorb[k]!;
            let h = hull;
            let left = 0;
            if (shield < take) {
              // The shield breaks; what it could not stop reaches the hull.
              absorbed += shield;
              h = hull - (damage - shield);
            } else {
              // The shield takes the shot in whole 1 % steps; a remainder below one step is lost.
              absorbed += damage;
              left = shield - take;
            }
            tShield[idx] = left;
            // One roll site for both cases keeps the loop small and its type feedback complete.
            if (left === 0 && h < explodeBelow[g]!) {
              if (h > 0) {
                x = (((a + b) | 0) + d) | 0;
                d = (d + 1) | 0;
                a = b ^ (b >>> 9);
                b = (c + (c << 3)) | 0;
                c = (c << 21) | (c >>> 11);
                c = (c + x) | 0;
                if ((x >>> 0) * toUnit < 1 - h * inverseMaxHull[g]!) h = 0;
              } else {
                h = 0;
              }
            }
            tHull[idx] = h;
          } else {
            absorbed += damage;
          }
        }
        const threshold = rapidFire[k]!;
        if (threshold === 0) break;
        x = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + x) | 0;
        if (x >>> 0 >= threshold) break;
      }
    }
    shots += groupShots;
    dealt += groupShots * damage;
  }

  rng[0] = a;
  rng[1] = b;
  rng[2] = c;
  rng[3] = d;
  stats.shots += shots;
  stats.damageDealt += dealt;
  stats.damageAbsorbed += absorbed;
}
