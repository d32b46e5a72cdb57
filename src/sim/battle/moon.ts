// Moon chance after a battle (spec/ogame-rules.md §3.9): 1 % per 100 000 units of debris
// (metal + crystal, plus deuterium when the universe puts deuterium into debris), at most 20 %.
// Only rolled when no moon exists at the position yet; the caller checks that.

import type { Rng } from '../random.js';
import type { Resources } from './types.js';

export const DEBRIS_PER_MOON_PERCENT = 100_000;
export const MAX_MOON_CHANCE_PERCENT = 20;

export interface MoonChanceOptions {
  /** Count deuterium debris too (only meaningful when debris includes deuterium). */
  readonly includeDeuterium?: boolean;
  readonly maxPercent?: number;
}

/** The whole-percent chance min(⌊debris / 100 000⌋, 20). */
export function moonChancePercent(debris: Resources, options: MoonChanceOptions = {}): number {
  const total =
    debris.metal + debris.crystal + (options.includeDeuterium === true ? debris.deuterium : 0);
  const max = options.maxPercent ?? MAX_MOON_CHANCE_PERCENT;
  return Math.max(0, Math.min(Math.floor(total / DEBRIS_PER_MOON_PERCENT), max));
}

/** The single roll: true when a moon forms. */
export function rollMoon(chancePercent: number, rng: Rng): boolean {
  return rng.next() * 100 < chancePercent;
}
