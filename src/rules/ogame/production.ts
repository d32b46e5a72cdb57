// The real game's hourly production and energy balance (spec/ogame-rules.md §3.1, live game
// where sources differ). Officers, character classes and lifeforms are not modelled, and every
// production setting is taken at 100 %.

import { levelOf, roundUp, truncate } from '../math.js';
import { MINE_OF } from '../production.js';
import {
  RESOURCE_KINDS,
  type Levels,
  type ProductionInput,
  type ProductionRates,
  type ResourceKind,
} from '../types.js';

/** Hourly output of a mine at level L: base × L × 1.1^L (deuterium also × temperature term). */
export const MINE_BASE_PER_HOUR: Readonly<Record<ResourceKind, number>> = {
  metal: 30,
  crystal: 20,
  deuterium: 10,
};
export const MINE_GROWTH = 1.1;
/** What every planet yields per hour without any mine, unaffected by energy or bonuses. */
export const BASIC_INCOME_PER_HOUR: Readonly<Record<ResourceKind, number>> = {
  metal: 30,
  crystal: 15,
  deuterium: 0,
};
/**
 * Deuterium term 1.44 − 0.004 × T_max (≡ the live game's 1.36 − 0.004 × T_avg, since
 * T_min = T_max − 40; OGameX's 1.44 − 0.004 × T_avg is a known bug).
 */
export const DEUTERIUM_TEMPERATURE_INTERCEPT = 1.44;
export const DEUTERIUM_TEMPERATURE_SLOPE = 0.004;
/** Extra mine output by planet position (1-based), as a fraction of the mine base. */
export const POSITION_BONUS: Readonly<Record<ResourceKind, Readonly<Record<number, number>>>> = {
  metal: { 6: 0.17, 7: 0.23, 8: 0.35, 9: 0.23, 10: 0.17 },
  crystal: { 1: 0.4, 2: 0.3, 3: 0.2 },
  deuterium: {},
};
/** Plasma technology adds these fractions of the mine output per level. */
export const PLASMA_BONUS_PER_LEVEL: Readonly<Record<ResourceKind, number>> = {
  metal: 0.01,
  crystal: 0.0066,
  deuterium: 0.0033,
};
/** Energy a mine level needs: ⌈per_level × L × 1.1^L⌉. */
export const MINE_ENERGY_PER_LEVEL: Readonly<Record<ResourceKind, number>> = {
  metal: 10,
  crystal: 10,
  deuterium: 20,
};
/** Solar plant: ⌊20 × L × 1.1^L⌋ energy. */
export const SOLAR_PLANT_ENERGY_PER_LEVEL = 20;
/** Fusion reactor: round(30 × L × (1.05 + 0.01 × energy technology)^L) energy. */
export const FUSION_ENERGY_PER_LEVEL = 30;
export const FUSION_ENERGY_GROWTH = 1.05;
export const FUSION_ENERGY_GROWTH_PER_ENERGY_TECH = 0.01;
/** Fusion reactor: burns ⌈10 × L × 1.1^L × economy speed⌉ deuterium per hour. */
export const FUSION_DEUTERIUM_PER_LEVEL = 10;
/** A solar satellite yields ⌊(T_max + 140) / 6⌋ energy (≡ ⌊(T_avg + 160) / 6⌋). */
export const SOLAR_SATELLITE_TEMPERATURE_OFFSET = 140;
export const SOLAR_SATELLITE_TEMPERATURE_DIVISOR = 6;
/** Crawlers: each adds 0.02 % of mine output, 8 per mine level count, +50 % at most. */
export const CRAWLER_BONUS_EACH = 0.0002;
export const CRAWLERS_PER_MINE_LEVEL = 8;
export const CRAWLER_MAX_BONUS = 0.5;
export const CRAWLER_ENERGY_EACH = 50;

/** `L × growth^L`: the shape of every mine and power plant curve. */
function curve(level: number, growth: number): number {
  return level * Math.pow(growth, level);
}

/** Energy of one solar satellite on a planet whose maximum temperature is `temperature`. */
export function solarSatelliteEnergy(temperature: number): number {
  return Math.max(
    0,
    Math.floor(
      (temperature + SOLAR_SATELLITE_TEMPERATURE_OFFSET) / SOLAR_SATELLITE_TEMPERATURE_DIVISOR,
    ),
  );
}

/** Energy of a fusion reactor at `level` under energy technology `energyTech`. */
export function fusionEnergy(level: number, energyTech: number): number {
  const growth = FUSION_ENERGY_GROWTH + FUSION_ENERGY_GROWTH_PER_ENERGY_TECH * energyTech;
  return Math.round(FUSION_ENERGY_PER_LEVEL * curve(level, growth));
}

/** Deuterium a fusion reactor at `level` burns per hour. */
export function fusionDeuteriumBurn(level: number, economySpeed: number): number {
  return roundUp(FUSION_DEUTERIUM_PER_LEVEL * curve(level, MINE_GROWTH) * economySpeed);
}

/** Crawlers that work: at most 8 per level of the three mines together. */
export function activeCrawlers(buildings: Levels, ships: Levels): number {
  const mineLevels =
    levelOf(buildings, MINE_OF.metal) +
    levelOf(buildings, MINE_OF.crystal) +
    levelOf(buildings, MINE_OF.deuterium);
  return Math.min(levelOf(ships, 'crawler'), CRAWLERS_PER_MINE_LEVEL * mineLevels);
}

/** Energy the planet produces: solar plant + fusion reactor + solar satellites. */
export function energyProduced(input: ProductionInput): number {
  const solar = truncate(
    SOLAR_PLANT_ENERGY_PER_LEVEL * curve(levelOf(input.buildings, 'solar_plant'), MINE_GROWTH),
  );
  const fusion = fusionEnergy(
    levelOf(input.buildings, 'fusion_reactor'),
    levelOf(input.research, 'energy'),
  );
  const satellites =
    levelOf(input.ships, 'solar_satellite') * solarSatelliteEnergy(input.temperature);
  return solar + fusion + satellites;
}

/** Energy the planet's mines and working crawlers need. */
export function energyConsumed(buildings: Levels, ships: Levels): number {
  let total = CRAWLER_ENERGY_EACH * activeCrawlers(buildings, ships);
  for (const kind of RESOURCE_KINDS) {
    total += roundUp(
      MINE_ENERGY_PER_LEVEL[kind] * curve(levelOf(buildings, MINE_OF[kind]), MINE_GROWTH),
    );
  }
  return total;
}

/** Share of full mine output the energy balance allows: min(1, produced / consumed). */
export function energyFactor(produced: number, consumed: number): number {
  if (consumed <= 0) return 1;
  return Math.min(1, Math.max(0, produced) / consumed);
}

/**
 * Net hourly rates of a planet. Per resource: ⌊mine × (1 + position bonus) × (1 + plasma +
 * crawler bonus) × energy factor × economy speed + basic income × economy speed⌋, the
 * deuterium mine also × (1.44 − 0.004 × T_max); deuterium then loses what the fusion reactor
 * burns. Rates are whole numbers per hour, floored like the live game (OGameX ceils).
 */
export function ogameProduction(input: ProductionInput, economySpeed: number): ProductionRates {
  const produced = energyProduced(input);
  const consumed = energyConsumed(input.buildings, input.ships);
  const factor = energyFactor(produced, consumed);
  const crawlerBonus = Math.min(
    CRAWLER_MAX_BONUS,
    CRAWLER_BONUS_EACH * activeCrawlers(input.buildings, input.ships),
  );
  const plasma = levelOf(input.research, 'plasma');
  const temperatureTerm =
    DEUTERIUM_TEMPERATURE_INTERCEPT - DEUTERIUM_TEMPERATURE_SLOPE * input.temperature;
  const rate = (kind: ResourceKind): number => {
    const mine =
      MINE_BASE_PER_HOUR[kind] *
      curve(levelOf(input.buildings, MINE_OF[kind]), MINE_GROWTH) *
      (kind === 'deuterium' ? Math.max(0, temperatureTerm) : 1) *
      (1 + (POSITION_BONUS[kind][input.position] ?? 0)) *
      (1 + PLASMA_BONUS_PER_LEVEL[kind] * plasma + crawlerBonus) *
      factor;
    return truncate((mine + BASIC_INCOME_PER_HOUR[kind]) * economySpeed);
  };
  return {
    metal: rate('metal'),
    crystal: rate('crystal'),
    deuterium:
      rate('deuterium') -
      fusionDeuteriumBurn(levelOf(input.buildings, 'fusion_reactor'), economySpeed),
    energyProduced: produced,
    energyConsumed: consumed,
    factor,
  };
}
