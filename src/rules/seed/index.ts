// The seed ruleset: the Python reference server's catalog and formulas behind the shared
// `Ruleset` interface. Catalog and formulas live in the sibling files; this one wires them.

import { createCatalog } from '../catalog.js';
import { UnknownUnitError } from '../errors.js';
import { mapCost, requireQuantity, truncate, zeroCost } from '../math.js';
import { demolishBlock, unmetRequirements } from '../requirements.js';
import type { BuildingQuote, Cost, Ruleset, RulesetOptions, UnitStats } from '../types.js';
import {
  BUILDING_TIME_GROWTH,
  DEMOLISH_REFUND_RATE,
  SEED_BUILDINGS,
  SEED_STARTING_BUILDINGS,
  UNKNOWN_BUILDING_BASE_TIME_SECONDS,
} from './buildings.js';
import { describeSeed } from './describe.js';
import {
  CANCEL_REFUND_RATE,
  resolveSeedOptions,
  seedMaxShipsPerPlanet,
  seedPolicies,
  seedShipyardQueueLimit,
  seedSpeeds,
} from './policies.js';
import { seedEspionage, seedFlight } from './fleet.js';
import { seedProduction, seedStorageCapacity } from './production.js';
import { SEED_RESEARCH } from './research.js';
import { SEED_SHIPS, seedShipStats } from './ships.js';
import {
  buildingTimeFactor,
  levelCost,
  levelTime,
  reducedSeconds,
  researchTimeFactor,
  shipyardTimeFactor,
} from './times.js';

export { SEED_DEFAULT_OPTIONS } from './policies.js';

const catalog = createCatalog([...SEED_BUILDINGS, ...SEED_RESEARCH, ...SEED_SHIPS]);
const expectUnit = catalog.expect;

/** Builds the seed ruleset. Options not given take the Python server's defaults. */
export function createSeedRuleset(options: RulesetOptions = {}): Ruleset {
  const resolved = resolveSeedOptions(options);
  const speeds = Object.freeze(seedSpeeds(resolved));
  const policies = Object.freeze(seedPolicies(resolved));

  const buildingCost = (type: string, currentLevel: number): Cost =>
    levelCost(expectUnit(type, 'building'), currentLevel);
  const buildingBaseTime = (type: string, currentLevel: number): number =>
    levelTime(expectUnit(type, 'building'), currentLevel);

  return {
    id: 'seed',
    policies,
    speeds,

    units: catalog.byCategory,
    unit: catalog.find,
    startingBuildings: () => ({ ...SEED_STARTING_BUILDINGS }),
    missingRequirements: (type, levels) =>
      unmetRequirements(
        expectUnit(type, 'building', 'research', 'ship', 'defense'),
        levels,
        catalog.find,
      ),

    buildingCost,
    buildingBaseTime,
    buildingTime: (type, currentLevel, context) =>
      reducedSeconds(
        buildingBaseTime(type, currentLevel),
        buildingTimeFactor(context),
        speeds.economySpeed,
      ),
    buildingQuote(type, level): BuildingQuote {
      // The Python route priced unknown types at zero with a 60 s base; clients may rely on it.
      if (catalog.find(type)?.category !== 'building') {
        return {
          cost: zeroCost(),
          buildTimeSeconds: truncate(
            UNKNOWN_BUILDING_BASE_TIME_SECONDS * Math.pow(BUILDING_TIME_GROWTH, level),
          ),
        };
      }
      return { cost: buildingCost(type, level), buildTimeSeconds: buildingBaseTime(type, level) };
    },
    demolition(type, currentLevel) {
      // The seed demolishes at once and refunds 30 % of the price of the level removed, which
      // is cost(new level) in the "price of the next level" convention.
      const removed = buildingCost(type, Math.max(0, currentLevel - 1));
      return {
        cost: zeroCost(),
        refund: mapCost(removed, (amount) => truncate(amount * DEMOLISH_REFUND_RATE)),
        timeSeconds: 0,
      };
    },
    demolishBlock: (type, buildings) =>
      demolishBlock(expectUnit(type, 'building'), buildings, catalog.byCategory('building')),
    cancelRefund: (paid) => mapCost(paid, (amount) => truncate(amount * CANCEL_REFUND_RATE)),

    researchCost: (type, currentLevel) => levelCost(expectUnit(type, 'research'), currentLevel),
    researchBaseTime: (type, currentLevel) => levelTime(expectUnit(type, 'research'), currentLevel),
    researchTime: (type, currentLevel, context) =>
      reducedSeconds(
        levelTime(expectUnit(type, 'research'), currentLevel),
        researchTimeFactor(context),
        speeds.researchSpeed,
      ),

    unitCost: (type) => ({ ...expectUnit(type, 'ship', 'defense').baseCost }),
    shipyardTime(type, quantity, context) {
      requireQuantity(quantity);
      // The seed times a batch as a whole: int(max(1, per_unit × quantity × factor)).
      const perUnit = expectUnit(type, 'ship', 'defense').baseTimeSeconds ?? 0;
      return reducedSeconds(perUnit * quantity, shipyardTimeFactor(context), speeds.economySpeed);
    },
    unitStats(type, research): UnitStats {
      const unit = expectUnit(type, 'ship', 'defense');
      // Every seed ship has stats (see ships.ts); the guard keeps the types honest.
      if (unit.stats === undefined) throw new UnknownUnitError(type, ['ship', 'defense']);
      return seedShipStats(unit.stats, research);
    },
    shipyardQueueLimit: seedShipyardQueueLimit,
    maxShipsPerPlanet: (research) => seedMaxShipsPerPlanet(resolved, research),
    maxFleetSlots: () => undefined,
    flight: (input) => seedFlight(input, speeds.fleetSpeed),
    espionage: seedEspionage,

    production: (input) => seedProduction(input, speeds.economySpeed),
    storageCapacity: seedStorageCapacity,

    describe: () =>
      describeSeed({
        policies,
        speeds,
        baseMaxFleetSize: resolved.baseMaxFleetSize,
        fleetSizePerComputerLevel: resolved.fleetSizePerComputerLevel,
      }),
  };
}
