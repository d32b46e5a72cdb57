// The real game's policies: no fleet-size cap, fleet slots from computer technology, an
// effectively unlimited shipyard queue, full refunds on cancel, one research at a time.

import { levelOf } from '../math.js';
import { flagOption, resolveOptions, speedsOf } from '../options.js';
import type { Levels, RulesetOptions, RulesetPolicies, UniverseSpeeds } from '../types.js';

/**
 * Knobs the OGame ruleset reads. BASE_MAX_FLEET_SIZE and FLEET_SIZE_PER_COMPUTER_LEVEL do not
 * apply: the real game has no fleet-size cap.
 */
export type OgameOptions = Required<
  Pick<
    RulesetOptions,
    | 'economySpeed'
    | 'researchSpeed'
    | 'fleetSpeed'
    | 'colonizationTimeSeconds'
    | 'deuteriumSaveFactor'
    | 'donutGalaxy'
    | 'donutSystem'
  >
>;

/**
 * Defaults of the real game: speed 1 universe, colony founded on arrival, full fuel use, and
 * galaxies and systems wrapping around (the live universes' default).
 */
export const OGAME_DEFAULT_OPTIONS: Readonly<OgameOptions> = {
  economySpeed: 1,
  researchSpeed: 1,
  fleetSpeed: 1,
  colonizationTimeSeconds: 0,
  deuteriumSaveFactor: 1,
  donutGalaxy: true,
  donutSystem: true,
};

/** One fleet slot, plus one per computer technology level. */
export const BASE_FLEET_SLOTS = 1;
export const FLEET_SLOTS_PER_COMPUTER_LEVEL = 1;
/**
 * The live game accepts shipyard orders without a count limit. The interface wants a number,
 * and a finite one survives JSON, so "unlimited" is the largest safe integer.
 */
export const SHIPYARD_QUEUE_UNLIMITED = Number.MAX_SAFE_INTEGER;
/** Cancelling gives back everything paid. */
export const CANCEL_REFUND_RATE = 1;
/** Research belongs to the player, and only one project runs at a time. */
export const MAX_CONCURRENT_RESEARCH = 1;
/** Only espionage probes fly espionage missions. */
export const ESPIONAGE_SHIP_TYPES: readonly string[] = Object.freeze(['espionage_probe']);

export function resolveOgameOptions(options: RulesetOptions): OgameOptions {
  const { donutGalaxy, donutSystem, ...numbers } = OGAME_DEFAULT_OPTIONS;
  return {
    ...resolveOptions(numbers, options),
    donutGalaxy: flagOption(options, 'donutGalaxy', donutGalaxy),
    donutSystem: flagOption(options, 'donutSystem', donutSystem),
  };
}

export function ogameSpeeds(options: OgameOptions): UniverseSpeeds {
  return speedsOf(options);
}

export function ogamePolicies(options: OgameOptions): RulesetPolicies {
  return {
    researchScope: 'player',
    maxConcurrentResearch: MAX_CONCURRENT_RESEARCH,
    cancelRefundRate: CANCEL_REFUND_RATE,
    colonizationTimeSeconds: options.colonizationTimeSeconds,
    espionageShipTypes: ESPIONAGE_SHIP_TYPES,
  };
}

/** Fleets in flight at once: 1 + computer technology (Admiral and General bonuses left out). */
export function ogameMaxFleetSlots(research: Levels): number {
  return BASE_FLEET_SLOTS + FLEET_SLOTS_PER_COMPUTER_LEVEL * levelOf(research, 'computer');
}
