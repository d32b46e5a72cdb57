// The OGame ruleset as plain JSON for GET /rules: catalog, constants and formulas in words.

import type { RulesetDescription, RulesetPolicies, UniverseSpeeds } from '../types.js';
import { OGAME_BUILDINGS, OGAME_STARTING_BUILDINGS } from './buildings.js';
import { OGAME_DEFENSES, SHIELD_DOME_MAX_COUNT } from './defenses.js';
import * as fleet from './fleet.js';
import * as policies from './policies.js';
import * as production from './production.js';
import { OGAME_RESEARCH } from './research.js';
import {
  COMBAT_TECH_BONUS_PERCENT,
  DRIVE_SPEED_BONUS_PERCENT,
  HYPERSPACE_CARGO_BONUS_PERCENT,
  OGAME_SHIPS,
  SHIP_DRIVES,
} from './ships.js';
import * as storage from './storage.js';
import * as times from './times.js';

export interface OgameDescriptionInput {
  policies: RulesetPolicies;
  speeds: UniverseSpeeds;
  /** Universe knobs of the flight rules (fleet speed, fuel factor, donut wrap). */
  flight?: fleet.OgameFlightOptions;
}

export function describeOgame(input: OgameDescriptionInput): RulesetDescription {
  // structuredClone hands out copies, so a caller mutating the answer cannot alter the catalog.
  return structuredClone({
    id: 'ogame',
    name: 'OGame (the live game, redesign era, without lifeforms)',
    resources: ['metal', 'crystal', 'deuterium'],
    units: {
      building: OGAME_BUILDINGS,
      research: OGAME_RESEARCH,
      ship: OGAME_SHIPS,
      defense: OGAME_DEFENSES,
    },
    startingBuildings: { ...OGAME_STARTING_BUILDINGS },
    policies: input.policies,
    speeds: input.speeds,
    constants: {
      secondsPerHour: times.SECONDS_PER_HOUR,
      buildingResourcesPerHour: times.BUILDING_RESOURCES_PER_HOUR,
      shipyardResourcesPerHour: times.SHIPYARD_RESOURCES_PER_HOUR,
      researchResourcesPerHour: times.RESEARCH_RESOURCES_PER_HOUR,
      naniteSpeedupPerLevel: times.NANITE_SPEEDUP_PER_LEVEL,
      lowLevelTimeMaxLevel: times.LOW_LEVEL_TIME_MAX_LEVEL,
      lowLevelTimeNumerator: times.LOW_LEVEL_TIME_NUMERATOR,
      lowLevelTimeOffset: times.LOW_LEVEL_TIME_OFFSET,
      lowLevelTimeExempt: times.LOW_LEVEL_TIME_EXEMPT,
      demolitionDiscountPerIonLevel: times.DEMOLITION_DISCOUNT_PER_ION_LEVEL,
      minDurationSeconds: times.MIN_DURATION_SECONDS,
      mineBasePerHour: production.MINE_BASE_PER_HOUR,
      mineGrowth: production.MINE_GROWTH,
      basicIncomePerHour: production.BASIC_INCOME_PER_HOUR,
      deuteriumTemperatureIntercept: production.DEUTERIUM_TEMPERATURE_INTERCEPT,
      deuteriumTemperatureSlope: production.DEUTERIUM_TEMPERATURE_SLOPE,
      positionBonus: production.POSITION_BONUS,
      plasmaBonusPerLevel: production.PLASMA_BONUS_PER_LEVEL,
      mineEnergyPerLevel: production.MINE_ENERGY_PER_LEVEL,
      solarPlantEnergyPerLevel: production.SOLAR_PLANT_ENERGY_PER_LEVEL,
      fusionEnergyPerLevel: production.FUSION_ENERGY_PER_LEVEL,
      fusionEnergyGrowth: production.FUSION_ENERGY_GROWTH,
      fusionEnergyGrowthPerEnergyTech: production.FUSION_ENERGY_GROWTH_PER_ENERGY_TECH,
      fusionDeuteriumPerLevel: production.FUSION_DEUTERIUM_PER_LEVEL,
      solarSatelliteTemperatureOffset: production.SOLAR_SATELLITE_TEMPERATURE_OFFSET,
      solarSatelliteTemperatureDivisor: production.SOLAR_SATELLITE_TEMPERATURE_DIVISOR,
      crawlerBonusEach: production.CRAWLER_BONUS_EACH,
      crawlersPerMineLevel: production.CRAWLERS_PER_MINE_LEVEL,
      crawlerMaxBonus: production.CRAWLER_MAX_BONUS,
      crawlerEnergyEach: production.CRAWLER_ENERGY_EACH,
      storageUnit: storage.STORAGE_UNIT,
      storageScale: storage.STORAGE_SCALE,
      storageExponentNumerator: storage.STORAGE_EXPONENT_NUMERATOR,
      storageExponentDenominator: storage.STORAGE_EXPONENT_DENOMINATOR,
      combatTechBonusPercent: COMBAT_TECH_BONUS_PERCENT,
      hyperspaceCargoBonusPercent: HYPERSPACE_CARGO_BONUS_PERCENT,
      driveSpeedBonusPercent: DRIVE_SPEED_BONUS_PERCENT,
      shipDrives: SHIP_DRIVES,
      shieldDomeMaxCount: SHIELD_DOME_MAX_COUNT,
      baseFleetSlots: policies.BASE_FLEET_SLOTS,
      fleetSlotsPerComputerLevel: policies.FLEET_SLOTS_PER_COMPUTER_LEVEL,
      shipyardQueueLimit: policies.SHIPYARD_QUEUE_UNLIMITED,
      cancelRefundRate: policies.CANCEL_REFUND_RATE,
      donutGalaxy: input.flight?.donutGalaxy ?? policies.OGAME_DEFAULT_OPTIONS.donutGalaxy,
      donutSystem: input.flight?.donutSystem ?? policies.OGAME_DEFAULT_OPTIONS.donutSystem,
      deuteriumSaveFactor:
        input.flight?.deuteriumSaveFactor ?? policies.OGAME_DEFAULT_OPTIONS.deuteriumSaveFactor,
      galaxyDistance: fleet.GALAXY_DISTANCE,
      systemDistanceBase: fleet.SYSTEM_DISTANCE_BASE,
      systemDistancePerSystem: fleet.SYSTEM_DISTANCE_PER_SYSTEM,
      positionDistanceBase: fleet.POSITION_DISTANCE_BASE,
      positionDistancePerPosition: fleet.POSITION_DISTANCE_PER_POSITION,
      sameCoordinatesDistance: fleet.SAME_COORDINATES_DISTANCE,
      flightTimeScale: fleet.FLIGHT_TIME_SCALE,
      flightTimeOffsetSeconds: fleet.FLIGHT_TIME_OFFSET_SECONDS,
      fuelDistanceScale: fleet.FUEL_DISTANCE_SCALE,
      fuelSurcharge: fleet.FUEL_SURCHARGE,
      holdingFuelDivisor: fleet.HOLDING_FUEL_DIVISOR,
      espionageReveal: fleet.ESPIONAGE_REVEAL,
      counterEspionageProbeWeight: fleet.COUNTER_ESPIONAGE_PROBE_WEIGHT,
    },
    formulas: {
      levelCost:
        '⌊base × factor^L⌋ per resource, L = current level (= ⌊base·factor^(level − 1)⌋ of the level built); astrophysics rounds to the nearest 100; space dock energy grows by 2.5',
      buildingTime:
        'max(1, ⌊(M + C) / (2500 × (1 + robot_factory) × 2^nanite_factory × economy_speed) × 3600 × (L ≤ 5 and not nanite_factory ? 2 / (8 − L) : 1)⌋), L = level built',
      demolish:
        'price of the level removed × (1 − 0.04 × ion), truncated, no energy; takes that level’s build time; nothing refunded; blocked while a built building requires the level',
      cancel: 'refund 100 % of the price paid',
      researchTime:
        'max(1, ⌊(M + C) / (1000 × (1 + labs) × economy_speed × research_speed) × 3600⌋); labs = this planet’s research_lab + the intergalactic_research_network best other labs at or above the technology’s lab requirement',
      shipyardTime:
        'quantity × max(1, ⌊(M + C) / (2500 × (1 + shipyard) × 2^nanite_factory × economy_speed) × 3600⌋)',
      shipStats:
        'attack, shield, structure × (1 + 0.1 × weapons / shielding / armour); speed = drive base × (1 + 0.1/0.2/0.3 × combustion/impulse/hyperspace drive level) with the best drive reached; cargo + 5 % of base per hyperspace level; each truncated',
      energy:
        'produced = ⌊20·S·1.1^S⌋ + round(30·F·(1.05 + 0.01·energy)^F) + satellites × ⌊(T_max + 140) / 6⌋; consumed = ⌈10·M·1.1^M⌉ + ⌈10·C·1.1^C⌉ + ⌈20·D·1.1^D⌉ + 50 × working crawlers; factor = min(1, produced / consumed)',
      production:
        '⌊(base·L·1.1^L × (1 + position bonus) × (1 + plasma bonus + crawler bonus) × factor + basic income) × economy_speed⌋; base 30/20/10, deuterium also × (1.44 − 0.004 × T_max); basic income 30/15/0; deuterium − ⌈10·F·1.1^F × economy_speed⌉ for the fusion reactor',
      storage: '5000 × ⌊2.5 × e^(20 × L / 33)⌋ per resource',
      maxShipsPerPlanet: 'unlimited',
      maxFleetSlots: '1 + computer',
      shipyardQueueLimit: 'unlimited',
      maxCount: 'one small and one large shield dome per planet',
      flightDistance:
        'other galaxy: 20000 × Δg (donut galaxy: min(Δg, galaxies − Δg)); other system: 2700 + 95 × Δs (donut system: min(Δs, systems − Δs)); other position: 1000 + 5 × Δp; same coordinates: 5',
      flightDuration:
        'max(1, round((3500 / speed_fraction × √(10 × distance / slowest_speed) + 10) / fleet_speed)) seconds, each way; a recalled fleet flies back as long as it has flown',
      fuel: '1 + round(Σ per ship type max(n × f × d / 35000 × (sv / 10 + 1)², 1)), sv = 35000 / (duration × fleet_speed − 10) × √(10 × d / ship_speed), f = max(1, ship fuel × deuterium_save_factor); paid from the origin planet at dispatch, never refunded; holding adds max(⌊Σ n × f × hours / 10⌋, 1)',
      espionage:
        'only espionage probes spy; effective probes = probes − max(0, defender espionage − attacker espionage)²; the report shows resources always, fleet with ≥ 2 effective probes or attacker espionage − 1 ≥ defender’s, defenses ≥ 3 or − 2, buildings ≥ 5 or − 3, research ≥ 7 or − 4',
      counterEspionage:
        '⌊defender ships × (defender espionage − attacker espionage + 1) / (4 × probes) × 100⌋ %, clamped to 0–100 (0 when the factor ≤ 0); when it strikes, the probes fight the planet’s ships and defenses after sending their report',
    },
  } satisfies RulesetDescription);
}
