// Defense repair after a battle (spec/ogame-rules.md §3.9): each destroyed defense comes back
// with 70 % probability (a universe setting). Two methods:
// - 'per-unit' (default; OGameX, and what players observe live): an independent roll per unit;
// - 'classic' (OGame 0.84 as reconstructed by ogame-opensource): a per-unit roll when fewer
//   than 10 of a type were destroyed, otherwise ⌊n × r / 100⌋ with r a whole percent drawn
//   uniformly from [rate - 10, rate + 10] (60..80 at the default rate) once per type.
// Ships are never repaired. Repaired units leave no debris, so compute debris afterwards.

import type { Rng } from '../random.js';
import { economicsOf } from './catalog.js';
import type { UnitCatalog, UnitCounts } from './types.js';

export const DEFAULT_DEFENSE_REPAIR_PERCENT = 70;

/** Classic method: below this many destroyed units of a type, roll per unit. */
export const CLASSIC_PER_UNIT_BELOW = 10;
/** Classic method: the bulk percentage varies this much around the rate. */
export const CLASSIC_SPREAD_PERCENT = 10;

export type RepairMethod = 'per-unit' | 'classic';

export interface RepairOptions {
  readonly ratePercent?: number;
  readonly method?: RepairMethod;
}

const PERCENT = 100;

/**
 * Returns the repaired count per defense type (types with zero repairs included, ships left
 * out). Types are processed in sorted order so the rolls do not depend on key order.
 */
export function repairDefenses(
  destroyed: UnitCounts,
  catalog: UnitCatalog,
  rng: Rng,
  options: RepairOptions = {},
): Record<string, number> {
  const rate = Math.max(
    0,
    Math.min(PERCENT, options.ratePercent ?? DEFAULT_DEFENSE_REPAIR_PERCENT),
  );
  const method = options.method ?? 'per-unit';
  const repaired: Record<string, number> = {};
  for (const type of Object.keys(destroyed).sort()) {
    if (economicsOf(catalog, type).kind !== 'defense') continue;
    const lost = destroyed[type] ?? 0;
    repaired[type] =
      method === 'classic' && lost >= CLASSIC_PER_UNIT_BELOW
        ? classicBulkRepair(lost, rate, rng)
        : perUnitRepair(lost, rate, rng);
  }
  return repaired;
}

function perUnitRepair(lost: number, rate: number, rng: Rng): number {
  let repaired = 0;
  for (let i = 0; i < lost; i++) if (rng.next() * PERCENT < rate) repaired++;
  return repaired;
}

function classicBulkRepair(lost: number, rate: number, rng: Rng): number {
  const low = Math.max(0, rate - CLASSIC_SPREAD_PERCENT);
  const high = Math.min(PERCENT, rate + CLASSIC_SPREAD_PERCENT);
  const percent = low + rng.int(high - low + 1);
  return Math.floor((lost * percent) / PERCENT);
}
