// Operator knobs shared by every ruleset: validation, defaults and the universe speeds.

import type { RulesetOptions, UniverseSpeeds } from './types.js';

/** Knobs that divide or multiply durations and rates, and so must be strictly positive. */
const SPEED_KEYS = ['economySpeed', 'researchSpeed', 'fleetSpeed'] as const;

/** Knobs that are switches rather than numbers. */
export const BOOLEAN_OPTION_KEYS = ['donutGalaxy', 'donutSystem'] as const;
export type BooleanOptionKey = (typeof BOOLEAN_OPTION_KEYS)[number];
/** Knobs that are numbers. */
export type NumericOptionKey = Exclude<keyof RulesetOptions, BooleanOptionKey>;

const isBooleanKey = (key: string): key is BooleanOptionKey =>
  (BOOLEAN_OPTION_KEYS as readonly string[]).includes(key);

/**
 * `defaults` overridden by the knobs given in `options`. Every knob given must be a finite
 * number ≥ 0 (speeds > 0, the deuterium-save factor in (0, 1]) or, for the switches, a boolean,
 * even one the ruleset ignores, so that a typo in the configuration fails at boot whichever
 * ruleset is active. Only the keys of `defaults` are returned.
 */
export function resolveOptions<K extends NumericOptionKey>(
  defaults: Readonly<Record<K, number>>,
  options: RulesetOptions,
): Record<K, number> {
  const resolved: Record<K, number> = { ...defaults };
  for (const [key, value] of Object.entries(options) as [keyof RulesetOptions, unknown][]) {
    if (value === undefined) continue;
    if (isBooleanKey(key)) {
      if (typeof value !== 'boolean') {
        throw new RangeError(`Ruleset option ${key} must be a boolean, got ${String(value)}`);
      }
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `Ruleset option ${key} must be a finite number ≥ 0, got ${String(value)}`,
      );
    }
    if (Object.hasOwn(defaults, key)) resolved[key as K] = value;
  }
  for (const key of SPEED_KEYS) {
    if (options[key] !== undefined && options[key] <= 0) {
      throw new RangeError(`Ruleset option ${key} must be > 0`);
    }
  }
  const save = options.deuteriumSaveFactor;
  if (save !== undefined && (save <= 0 || save > 1)) {
    throw new RangeError(`Ruleset option deuteriumSaveFactor must be in (0, 1], got ${save}`);
  }
  return resolved;
}

/** A switch among `options`, or its default when not given (validated by resolveOptions). */
export function flagOption(
  options: RulesetOptions,
  key: BooleanOptionKey,
  fallback: boolean,
): boolean {
  return options[key] ?? fallback;
}

/** The universe speeds among resolved options. */
export function speedsOf(options: Readonly<UniverseSpeeds>): UniverseSpeeds {
  return {
    economySpeed: options.economySpeed,
    researchSpeed: options.researchSpeed,
    fleetSpeed: options.fleetSpeed,
  };
}
