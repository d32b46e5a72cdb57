// The real game's flight and espionage rules (spec/ogame-rules.md §3.7 and §3.10), after the
// live game as alaingilbert/ogame ("AG") computes it where the sources differ:
//   distance  different galaxy: 20 000 × Δg (donut: min(Δg, G − Δg));
//             same galaxy, different system: 2700 + 95 × Δs (donut: min(Δs, S − Δs));
//             same system: 1000 + 5 × Δp; same coordinates: 5
//   duration  max(1, round((3500 / s × √(10 × d / v) + 10) / fleet speed)), v = slowest ship
//   fuel      1 + round(Σ_types max(n·f·d / 35 000 × (sv / 10 + 1)², 1)),
//             sv = 35 000 / (t × fleet speed − 10) × √(10 × d / v_type),
//             f = max(1, ship fuel × deuterium-save factor); + max(⌊Σ n·f·hours / 10⌋, 1) to hold
//   espionage effective probes = probes − max(0, def − att)²; fleet, defenses, buildings and
//             research from 2 / 3 / 5 / 7 effective probes or an espionage lead of 1 / 2 / 3 / 4
//   counter   ⌊ships × (def − att + 1) / (4 × probes) × 100⌋ %, clamped to 0–100
// Empty and inactive systems are never skipped (the live game's default universe setting).

import { MIN_FLIGHT_SECONDS, slowestSpeed } from '../flight.js';
import { levelOf } from '../math.js';
import type {
  EspionageInput,
  EspionageVisibility,
  FlightInput,
  FlightPlan,
  Levels,
  SpaceCoordinates,
  UniverseShape,
  UnitStats,
} from '../types.js';

/** Distance units per galaxy crossed. */
export const GALAXY_DISTANCE = 20_000;
/** Distance of any flight to another system of the same galaxy, plus … */
export const SYSTEM_DISTANCE_BASE = 2700;
/** … this much per system crossed. */
export const SYSTEM_DISTANCE_PER_SYSTEM = 95;
/** Distance of any flight to another position of the same system, plus … */
export const POSITION_DISTANCE_BASE = 1000;
/** … this much per position crossed. */
export const POSITION_DISTANCE_PER_POSITION = 5;
/** Distance between a planet and its own coordinates (its moon or debris field). */
export const SAME_COORDINATES_DISTANCE = 5;
/** Scale and fixed offset (seconds) of the flight-time formula. */
export const FLIGHT_TIME_SCALE = 3500;
export const FLIGHT_TIME_OFFSET_SECONDS = 10;
/** The distance divisor of the fuel formula. */
export const FUEL_DISTANCE_SCALE = 35_000;
/** Deuterium the live game adds to every flight (OGameX leaves it out). */
export const FUEL_SURCHARGE = 1;
/** Least fuel one ship type burns on a flight, and least fuel use per ship and hour. */
export const MIN_FUEL_PER_SHIP_TYPE = 1;
export const MIN_SHIP_FUEL = 1;
/** Holding costs ⌊Σ n·f·hours / 10⌋, at least 1. */
export const HOLDING_FUEL_DIVISOR = 10;
export const MIN_HOLDING_FUEL = 1;

/** The ship that spies, and the research that decides what it sees. */
export const ESPIONAGE_PROBE = 'espionage_probe';
export const ESPIONAGE_TECHNOLOGY = 'espionage';

/** A report section shows from this many effective probes, or with this espionage lead. */
export interface RevealThreshold {
  probes: number;
  techLead: number;
}
export const ESPIONAGE_REVEAL: Readonly<
  Record<'fleet' | 'defenses' | 'buildings' | 'research', Readonly<RevealThreshold>>
> = {
  fleet: { probes: 2, techLead: 1 },
  defenses: { probes: 3, techLead: 2 },
  buildings: { probes: 5, techLead: 3 },
  research: { probes: 7, techLead: 4 },
};
/** Counter-espionage: percent = ⌊ships × tech factor / (4 × probes) × 100⌋, at most 100. */
export const COUNTER_ESPIONAGE_PROBE_WEIGHT = 4;
export const MAX_PERCENT = 100;

/** The universe knobs the flight rules read. */
export interface OgameFlightOptions {
  fleetSpeed: number;
  deuteriumSaveFactor: number;
  donutGalaxy: boolean;
  donutSystem: boolean;
}

/** |a − b|, or the shorter way round a ring of `size` when it wraps. */
function ringDistance(a: number, b: number, size: number, wraps: boolean): number {
  const direct = Math.abs(a - b);
  return wraps ? Math.min(direct, size - direct) : direct;
}

/** The live game's distance between two coordinates. */
export function ogameDistance(
  from: SpaceCoordinates,
  to: SpaceCoordinates,
  universe: UniverseShape,
  donut: Pick<OgameFlightOptions, 'donutGalaxy' | 'donutSystem'>,
): number {
  if (from.galaxy !== to.galaxy) {
    return (
      GALAXY_DISTANCE * ringDistance(from.galaxy, to.galaxy, universe.galaxies, donut.donutGalaxy)
    );
  }
  if (from.system !== to.system) {
    return (
      SYSTEM_DISTANCE_BASE +
      SYSTEM_DISTANCE_PER_SYSTEM *
        ringDistance(from.system, to.system, universe.systems, donut.donutSystem)
    );
  }
  if (from.position !== to.position) {
    return (
      POSITION_DISTANCE_BASE +
      POSITION_DISTANCE_PER_POSITION * Math.abs(from.position - to.position)
    );
  }
  return SAME_COORDINATES_DISTANCE;
}

/** 3500 / s × √(10 × d / v): the flight time before the offset and the universe speed. */
function travelTerm(distance: number, speed: number, speedFraction: number): number {
  return (FLIGHT_TIME_SCALE / speedFraction) * Math.sqrt((10 * distance) / speed);
}

/** One-way flight time in seconds: round((3500 / s × √(10·d / v) + 10) / fleet speed), ≥ 1. */
export function ogameFlightSeconds(
  distance: number,
  slowestSpeed: number,
  speedFraction: number,
  fleetSpeed: number,
): number {
  const seconds =
    (travelTerm(distance, slowestSpeed, speedFraction) + FLIGHT_TIME_OFFSET_SECONDS) / fleetSpeed;
  return Math.max(MIN_FLIGHT_SECONDS, Math.round(seconds));
}

/** Fuel use of one ship per distance unit and hour: base × save factor, at least 1. */
export function shipFuelUse(baseFuel: number, deuteriumSaveFactor: number): number {
  return Math.max(MIN_SHIP_FUEL, baseFuel * deuteriumSaveFactor);
}

export interface FuelInput {
  distance: number;
  /** The flight's one-way duration in seconds (as `ogameFlightSeconds` gives it). */
  durationSeconds: number;
  ships: Levels;
  /** Stats of one ship of each type under the owner's research (speed, fuel). */
  stats: (type: string) => UnitStats;
  /** Speed of the slowest ship and the chosen fraction (for the fallback below). */
  slowestSpeed: number;
  speedFraction: number;
  fleetSpeed: number;
  deuteriumSaveFactor: number;
  holdingHours?: number;
}

/**
 * Deuterium a flight burns. Each ship type burns by how fast it actually flies: sv compares the
 * flight's duration with the type's own speed (a fast ship flying with a slow one burns less).
 * The live game uses the rounded duration; when rounding leaves t × fleet speed ≤ 10 (a very
 * short flight in a very fast universe) the unrounded duration is used so sv stays finite.
 */
export function ogameFuel(input: FuelInput): number {
  const { distance: d, ships, fleetSpeed } = input;
  if (d <= 0) return 0;
  const rounded = input.durationSeconds * fleetSpeed - FLIGHT_TIME_OFFSET_SECONDS;
  const flightTerm = rounded > 0 ? rounded : travelTerm(d, input.slowestSpeed, input.speedFraction);
  let burnt = 0;
  let perHour = 0;
  for (const [type, count] of Object.entries(ships)) {
    if (count === undefined || count <= 0) continue;
    const stats = input.stats(type);
    const fuel = shipFuelUse(stats.fuel, input.deuteriumSaveFactor);
    const sv = (FUEL_DISTANCE_SCALE / flightTerm) * Math.sqrt((10 * d) / stats.speed);
    const typeFuel = ((count * fuel * d) / FUEL_DISTANCE_SCALE) * (sv / 10 + 1) ** 2;
    burnt += Math.max(typeFuel, MIN_FUEL_PER_SHIP_TYPE);
    perHour += count * fuel;
  }
  let total = FUEL_SURCHARGE + Math.round(burnt);
  const hours = input.holdingHours ?? 0;
  if (hours > 0) {
    total += Math.max(Math.floor((perHour * hours) / HOLDING_FUEL_DIVISOR), MIN_HOLDING_FUEL);
  }
  return total;
}

/** Distance, duration and fuel of a flight under the live game's formulas. */
export function ogameFlight(
  input: FlightInput,
  unitStats: (type: string, research: Levels) => UnitStats,
  options: OgameFlightOptions,
): FlightPlan {
  const distance = ogameDistance(input.from, input.to, input.universe, options);
  const speed = slowestSpeed(input.ships, input.research, unitStats);
  const durationSeconds = ogameFlightSeconds(
    distance,
    speed,
    input.speedFraction,
    options.fleetSpeed,
  );
  const fuel = ogameFuel({
    distance,
    durationSeconds,
    ships: input.ships,
    stats: (type) => unitStats(type, input.research),
    slowestSpeed: speed,
    speedFraction: input.speedFraction,
    fleetSpeed: options.fleetSpeed,
    deuteriumSaveFactor: options.deuteriumSaveFactor,
    holdingHours: input.holdingHours ?? 0,
  });
  return { distance, durationSeconds, fuel, speed };
}

/** Probes that still count once the defender's espionage lead is paid: probes − lead². */
export function effectiveProbes(probes: number, attackerLevel: number, defenderLevel: number) {
  const lead = Math.max(0, defenderLevel - attackerLevel);
  return Math.max(0, probes - lead * lead);
}

/**
 * Percent chance that the defender's ships catch the probes: ⌊ships × (def − att + 1) /
 * (4 × probes) × 100⌋, clamped to 0–100; 0 without ships or when the attacker leads by 1+.
 */
export function counterEspionageChance(
  defenderShips: number,
  probes: number,
  attackerLevel: number,
  defenderLevel: number,
): number {
  const techFactor = defenderLevel - attackerLevel + 1;
  if (techFactor <= 0 || probes <= 0 || defenderShips <= 0) return 0;
  const percent = Math.floor(
    (defenderShips * techFactor * MAX_PERCENT) / (COUNTER_ESPIONAGE_PROBE_WEIGHT * probes),
  );
  return Math.min(MAX_PERCENT, Math.max(0, percent));
}

/** What a probe mission sees, and the chance that it is caught. Only probes count. */
export function ogameEspionage(input: EspionageInput): EspionageVisibility {
  const probes = levelOf(input.shipsSent, ESPIONAGE_PROBE);
  const att = levelOf(input.attackerResearch, ESPIONAGE_TECHNOLOGY);
  const def = levelOf(input.defenderResearch, ESPIONAGE_TECHNOLOGY);
  const effective = effectiveProbes(probes, att, def);
  const reveals = ({ probes: enough, techLead }: RevealThreshold) =>
    effective >= enough || att - techLead >= def;
  return {
    resources: true,
    fleet: reveals(ESPIONAGE_REVEAL.fleet),
    defenses: reveals(ESPIONAGE_REVEAL.defenses),
    buildings: reveals(ESPIONAGE_REVEAL.buildings),
    research: reveals(ESPIONAGE_REVEAL.research),
    counterEspionageChance: counterEspionageChance(input.defenderShips ?? 0, probes, att, def),
  };
}
