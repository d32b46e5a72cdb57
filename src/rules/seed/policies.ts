// The seed's policies and configurable knobs: fleet size cap, shipyard queue length, refunds.

import { levelOf } from '../math.js';
import { resolveOptions, speedsOf } from '../options.js';
import type { Levels, RulesetOptions, RulesetPolicies, UniverseSpeeds } from '../types.js';

/** Knobs the seed reads (it has no fuel and flies in straight lines: no donut, no fuel factor). */
export type SeedOptions = Required<
  Pick<
    RulesetOptions,
    | 'economySpeed'
    | 'researchSpeed'
    | 'fleetSpeed'
    | 'baseMaxFleetSize'
    | 'fleetSizePerComputerLevel'
    | 'colonizationTimeSeconds'
  >
>;

/** The seed's defaults for every configurable knob (the Python server's config defaults). */
export const SEED_DEFAULT_OPTIONS: Readonly<SeedOptions> = {
  economySpeed: 1,
  researchSpeed: 1,
  fleetSpeed: 1,
  baseMaxFleetSize: 50,
  fleetSizePerComputerLevel: 10,
  colonizationTimeSeconds: 1,
};

/** A shipyard queue holds 2 items, plus 1 per shipyard level. */
export const SHIPYARD_QUEUE_BASE_LIMIT = 2;
export const SHIPYARD_QUEUE_PER_LEVEL = 1;
/** Cancelling a queued building gives back half its price. */
export const CANCEL_REFUND_RATE = 0.5;
/** Research belongs to the player, and only one project runs at a time. */
export const MAX_CONCURRENT_RESEARCH = 1;

/** Options with defaults filled in; rejects values that would make formulas meaningless. */
export function resolveSeedOptions(options: RulesetOptions): SeedOptions {
  return resolveOptions(SEED_DEFAULT_OPTIONS, options);
}

export function seedSpeeds(options: SeedOptions): UniverseSpeeds {
  return speedsOf(options);
}

export function seedPolicies(options: SeedOptions): RulesetPolicies {
  return {
    researchScope: 'player',
    maxConcurrentResearch: MAX_CONCURRENT_RESEARCH,
    cancelRefundRate: CANCEL_REFUND_RATE,
    colonizationTimeSeconds: options.colonizationTimeSeconds,
  };
}

/** Ships one planet may hold, stationed plus queued: base + per_level × computer. */
export function seedMaxShipsPerPlanet(options: SeedOptions, research: Levels): number {
  return (
    options.baseMaxFleetSize + options.fleetSizePerComputerLevel * levelOf(research, 'computer')
  );
}

/** Items a planet's shipyard queue may hold: 2 + 1 × shipyard level. */
export function seedShipyardQueueLimit(buildings: Levels): number {
  return SHIPYARD_QUEUE_BASE_LIMIT + SHIPYARD_QUEUE_PER_LEVEL * levelOf(buildings, 'shipyard');
}
