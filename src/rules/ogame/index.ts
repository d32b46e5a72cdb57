// The OGame ruleset: the real game's catalog and formulas behind the shared `Ruleset`
// interface. Catalog and formulas live in the sibling files; this one wires them.

import { createCatalog } from '../catalog.js';
import { UnknownUnitError } from '../errors.js';
import { levelCost, levelOf, requireQuantity, zeroCost } from '../math.js';
import { demolishBlock, unmetRequirements } from '../requirements.js';
import type { Levels, Ruleset, RulesetOptions, UnitStats } from '../types.js';
import { OGAME_BUILDINGS, OGAME_STARTING_BUILDINGS } from './buildings.js';
import { OGAME_DEFENSES, ogameDefenseStats } from './defenses.js';
import { describeOgame } from './describe.js';
import { ogameEspionage, ogameFlight, type OgameFlightOptions } from './fleet.js';
import {
  CANCEL_REFUND_RATE,
  ogameMaxFleetSlots,
  ogamePolicies,
  ogameSpeeds,
  resolveOgameOptions,
  SHIPYARD_QUEUE_UNLIMITED,
} from './policies.js';
import { ogameProduction } from './production.js';
import { OGAME_RESEARCH } from './research.js';
import { isOgameShipId, OGAME_SHIPS, ogameShipStats } from './ships.js';
import { ogameStorageCapacity } from './storage.js';
import { buildingSeconds, demolitionCost, researchSeconds, shipyardSeconds } from './times.js';

export { OGAME_DEFAULT_OPTIONS } from './policies.js';

const catalog = createCatalog([
  ...OGAME_BUILDINGS,
  ...OGAME_RESEARCH,
  ...OGAME_SHIPS,
  ...OGAME_DEFENSES,
]);
const expectUnit = catalog.expect;

/** A time context with no robotics, nanite, lab or research: the unreduced durations. */
const BARE_CONTEXT = { buildings: {}, research: {} } as const;
/** Universe speeds of 1, for the unreduced durations. */
const UNIT_SPEEDS = { economySpeed: 1, researchSpeed: 1 } as const;

/** Builds the OGame ruleset. Options not given take the real game's defaults (speed 1). */
export function createOgameRuleset(options: RulesetOptions = {}): Ruleset {
  const resolved = resolveOgameOptions(options);
  const speeds = Object.freeze(ogameSpeeds(resolved));
  const policies = Object.freeze(ogamePolicies(resolved));

  const buildingCost = (type: string, currentLevel: number) =>
    levelCost(expectUnit(type, 'building'), currentLevel);
  // "Base" durations leave out robotics, nanite, labs and the universe speed (as in the seed).
  const buildingBaseTime = (type: string, currentLevel: number) =>
    buildingSeconds(expectUnit(type, 'building'), currentLevel, BARE_CONTEXT, 1);
  const buildingTime: Ruleset['buildingTime'] = (type, currentLevel, context) =>
    buildingSeconds(expectUnit(type, 'building'), currentLevel, context, speeds.economySpeed);
  const unitStats = (type: string, research: Levels): UnitStats => {
    const unit = expectUnit(type, 'ship', 'defense');
    // Every OGame ship and defense has stats; the guard keeps the types honest.
    if (unit.stats === undefined) throw new UnknownUnitError(type, ['ship', 'defense']);
    return isOgameShipId(type)
      ? ogameShipStats(type, unit.stats, research)
      : ogameDefenseStats(unit.stats, research);
  };
  const flightOptions: OgameFlightOptions = Object.freeze({
    fleetSpeed: speeds.fleetSpeed,
    deuteriumSaveFactor: resolved.deuteriumSaveFactor,
    donutGalaxy: resolved.donutGalaxy,
    donutSystem: resolved.donutSystem,
  });

  return {
    id: 'ogame',
    policies,
    speeds,

    units: catalog.byCategory,
    unit: catalog.find,
    startingBuildings: () => ({ ...OGAME_STARTING_BUILDINGS }),
    missingRequirements: (type, levels) =>
      unmetRequirements(
        expectUnit(type, 'building', 'research', 'ship', 'defense'),
        levels,
        catalog.find,
      ),

    buildingCost,
    buildingBaseTime,
    buildingTime,
    // There is no reference server to imitate: unknown types throw like every other method
    // (the route answers 404 before asking).
    buildingQuote: (type, level) => ({
      cost: buildingCost(type, level),
      buildTimeSeconds: buildingBaseTime(type, level),
    }),
    demolition: (type, currentLevel, context) => ({
      cost: demolitionCost(
        expectUnit(type, 'building'),
        currentLevel,
        levelOf(context.research, 'ion'),
      ),
      refund: zeroCost(),
      // Tearing a level down takes as long as building it did; a level-0 call is clamped.
      timeSeconds: buildingTime(type, Math.max(0, currentLevel - 1), context),
    }),
    demolishBlock: (type, buildings) =>
      demolishBlock(expectUnit(type, 'building'), buildings, catalog.byCategory('building')),
    cancelRefund: (paid) => ({
      metal: paid.metal * CANCEL_REFUND_RATE,
      crystal: paid.crystal * CANCEL_REFUND_RATE,
      deuterium: paid.deuterium * CANCEL_REFUND_RATE,
    }),

    researchCost: (type, currentLevel) => levelCost(expectUnit(type, 'research'), currentLevel),
    researchBaseTime: (type, currentLevel) =>
      researchSeconds(expectUnit(type, 'research'), currentLevel, BARE_CONTEXT, UNIT_SPEEDS),
    researchTime: (type, currentLevel, context) =>
      researchSeconds(expectUnit(type, 'research'), currentLevel, context, speeds),

    unitCost: (type) => ({ ...expectUnit(type, 'ship', 'defense').baseCost }),
    shipyardTime(type, quantity, context) {
      requireQuantity(quantity);
      return shipyardSeconds(
        expectUnit(type, 'ship', 'defense'),
        quantity,
        context,
        speeds.economySpeed,
      );
    },
    unitStats,
    shipyardQueueLimit: () => SHIPYARD_QUEUE_UNLIMITED,
    maxShipsPerPlanet: () => undefined,
    maxFleetSlots: ogameMaxFleetSlots,
    flight: (input) => ogameFlight(input, unitStats, flightOptions),
    espionage: ogameEspionage,

    production: (input) => ogameProduction(input, speeds.economySpeed),
    storageCapacity: ogameStorageCapacity,

    describe: () => describeOgame({ policies, speeds, flight: flightOptions }),
  };
}
