// Shared vocabulary of every ruleset. A simulation talks to a `Ruleset` only through these
// types, so it never needs to know whether the seed or the OGame formulas are active.

/** Identifier of a ruleset, as chosen by the RULESET setting. */
export type RulesetId = 'seed' | 'ogame';

/** The three stockpiled resources. Energy is a per-planet balance, never stored. */
export type ResourceKind = 'metal' | 'crystal' | 'deuterium';

/** Every resource kind, in display order. */
export const RESOURCE_KINDS: readonly ResourceKind[] = ['metal', 'crystal', 'deuterium'];

/** The four kinds of things a player can build or research. */
export type UnitCategory = 'building' | 'research' | 'ship' | 'defense';

/** Every unit category, in display order. */
export const UNIT_CATEGORIES: readonly UnitCategory[] = ['building', 'research', 'ship', 'defense'];

/** An amount of each stockpiled resource. */
export type Resources = Record<ResourceKind, number>;

/**
 * A price. Energy is optional because only some OGame units (terraformer, graviton) ask for it;
 * energy is a requirement to be met, not a stock to be spent.
 */
export interface Cost {
  metal: number;
  crystal: number;
  deuterium: number;
  energy?: number;
}

/** "Unit `type` must be at least at `level`". The type may name a building or a research. */
export interface Requirement {
  type: string;
  level: number;
}

/** Levels (buildings, research) or counts (ships, defenses) by unit type; missing means 0. */
export type Levels = Readonly<Partial<Record<string, number>>>;

/**
 * Combat and flight figures of a ship or defense. Defenses have speed, cargo and fuel 0.
 * `structure` is the structural integrity; the battle engine derives hull = structure / 10.
 */
export interface UnitStats {
  attack: number;
  shield: number;
  structure: number;
  speed: number;
  cargo: number;
  fuel: number;
}

/** One entry of a ruleset's catalog. Plain data, so that it serialises as is for GET /rules. */
export interface UnitDef {
  type: string;
  category: UnitCategory;
  /** Display name. */
  name: string;
  /** Cost of the first level (buildings, research) or of one unit (ships, defenses). */
  baseCost: Cost;
  /** Growth of the cost per level; 1 for ships and defenses. */
  costFactor: number;
  /**
   * Growth of the energy price per level where it differs from `costFactor` (OGame's space
   * dock: resources × 5, energy × 2.5). Absent means the energy grows like the resources.
   */
  energyCostFactor?: number;
  /**
   * Level prices are rounded to the nearest multiple of this instead of truncated (OGame's
   * astrophysics: 100). Absent means truncated to whole units.
   */
  costRoundTo?: number;
  /** Duration of the first level or of one unit, where the ruleset uses a time table. */
  baseTimeSeconds?: number;
  /** Growth of the duration per level, where the ruleset uses a time table. */
  timeFactor?: number;
  requires: Requirement[];
  /** Base (research-free) stats of ships and defenses. */
  stats?: UnitStats;
  /** Rapid fire against other unit types: n means a 1 − 1/n chance to shoot again. */
  rapidFire?: Record<string, number>;
  /**
   * Most units of this type one planet may hold, stationed plus queued (OGame's shield domes:
   * 1). Absent means unlimited. Ships and defenses only.
   */
  maxCount?: number;
  /** Free-form facts worth showing a player (e.g. why a number was chosen). */
  note?: string;
}

/** What a duration depends on: the building planet's levels and the owner's research. */
export interface TimeContext {
  buildings: Levels;
  research: Levels;
  /**
   * Research-lab levels of the player's other planets, best first. Only rulesets with an
   * intergalactic research network read it; the seed ignores it.
   */
  otherLabLevels?: readonly number[];
}

/** The per-planet facts that production and storage depend on. */
export interface PlanetInputs {
  buildings: Levels;
  /** Ships stationed on the planet (OGame's solar satellites and crawlers produce). */
  ships: Levels;
  /** Temperature in °C (the seed's single value; OGame reads it as the maximum temperature). */
  temperature: number;
  /** Planet size (the seed's size; OGame's field count). */
  size: number;
  /** Slot in the system, 1-based (OGame's position bonus). */
  position: number;
}

/** Planet facts plus the owner's research. */
export interface ProductionInput extends PlanetInputs {
  research: Levels;
}

/**
 * Continuous hourly rates of a planet. The resource rates are net (deuterium already minus what
 * a fusion reactor burns), so the simulation integrates them without rounding per tick.
 */
export interface ProductionRates extends Resources {
  energyProduced: number;
  energyConsumed: number;
  /** Share of full mine output the energy balance allows, in [0, 1]. */
  factor: number;
}

/** What the demolition of one level costs, gives back and how long it takes. */
export interface DemolitionQuote {
  /** Resources paid to demolish (OGame charges; the seed charges nothing). */
  cost: Cost;
  /** Resources given back (the seed refunds part of the level's price). */
  refund: Cost;
  /** Duration; 0 means the level disappears at once (seed). */
  timeSeconds: number;
}

/** Why a building level cannot be demolished. */
export type DemolishBlock =
  | { reason: 'not_built' }
  | { reason: 'required_by'; blockedBy: string; blockedByName: string; requiredLevel: number };

/** Answer of GET /building-costs. */
export interface BuildingQuote {
  cost: Cost;
  buildTimeSeconds: number;
}

/** Rules that are policies rather than formulas. */
export interface RulesetPolicies {
  /** Research levels belong to the player (shared by every planet) or to one planet. */
  researchScope: 'player' | 'planet';
  /** How many research projects one player may run at the same time. */
  maxConcurrentResearch: number;
  /** Share of a queued item's price given back when it is cancelled. */
  cancelRefundRate: number;
  /** Seconds between a colony ship's arrival and the new colony. */
  colonizationTimeSeconds: number;
  /**
   * Ship types an espionage mission may carry (OGame: espionage probes only). Absent means any
   * ship spies (the seed).
   */
  espionageShipTypes?: readonly string[];
}

/** Universe speed knobs an operator can turn; 1 is the ruleset's own pace. */
export interface UniverseSpeeds {
  /** Multiplies production and divides building and shipyard durations. */
  economySpeed: number;
  /** Divides research durations. */
  researchSpeed: number;
  /** Divides flight durations. */
  fleetSpeed: number;
}

/**
 * Knobs the operator sets through configuration (the seed README's environment variables),
 * handed to a ruleset factory. Each ruleset reads those that apply to it; missing ones take
 * the ruleset's defaults. Rules never read the environment themselves.
 */
export interface RulesetOptions extends Partial<UniverseSpeeds> {
  /** BASE_MAX_FLEET_SIZE: ships a planet may hold with computer technology 0. */
  baseMaxFleetSize?: number;
  /** FLEET_SIZE_PER_COMPUTER_LEVEL: extra ships per computer technology level. */
  fleetSizePerComputerLevel?: number;
  /** COLONIZATION_TIME_SECONDS: delay between a colony ship's arrival and the colony. */
  colonizationTimeSeconds?: number;
  /** DONUT_GALAXY: the last galaxy neighbours the first (flights take the shorter way). */
  donutGalaxy?: boolean;
  /** DONUT_SYSTEM: the last system of a galaxy neighbours the first. */
  donutSystem?: boolean;
  /** DEUTERIUM_SAVE_FACTOR: multiplies every ship's fuel use, in (0, 1]. */
  deuteriumSaveFactor?: number;
}

/** A JSON-able description of a ruleset, served as is by GET /rules. */
export interface RulesetDescription {
  id: RulesetId;
  name: string;
  resources: readonly ResourceKind[];
  units: Record<UnitCategory, readonly UnitDef[]>;
  startingBuildings: Record<string, number>;
  policies: RulesetPolicies;
  speeds: UniverseSpeeds;
  /** The ruleset's named constants (rates, growth factors, reductions, caps). */
  constants: Record<string, unknown>;
  /** Human-readable statements of the formulas. */
  formulas: Record<string, string>;
}

/** A place in the universe, 1-based. */
export interface SpaceCoordinates {
  galaxy: number;
  system: number;
  position: number;
}

/** How many galaxies, systems per galaxy and positions per system the universe has. */
export interface UniverseShape {
  galaxies: number;
  systems: number;
  positions: number;
}

/** What a flight's distance, duration and fuel depend on. */
export interface FlightInput {
  from: SpaceCoordinates;
  to: SpaceCoordinates;
  universe: UniverseShape;
  /** Ships sent, by type (each with a positive count). */
  ships: Levels;
  /** The owner's research (drives change speeds). */
  research: Levels;
  /** Share of full speed chosen by the player, in (0, 1]. */
  speedFraction: number;
  /** Hours the fleet holds at the target (OGame charges deuterium for it); absent means 0. */
  holdingHours?: number;
}

export interface FlightPlan {
  /** Distance in the ruleset's units. */
  distance: number;
  /** One-way flight time in whole seconds, at least 1. */
  durationSeconds: number;
  /** Deuterium burnt by the flight (0 where the ruleset has no fuel). */
  fuel: number;
  /** Speed of the slowest ship (research applied), before the speed fraction. */
  speed: number;
}

/** What an espionage mission's report depends on. */
export interface EspionageInput {
  /** Ships sent, by type. */
  shipsSent: Levels;
  attackerResearch: Levels;
  defenderResearch: Levels;
  /** Ships stationed on the target planet (counter-espionage); absent means 0. */
  defenderShips?: number;
}

/** The parts of the target planet an espionage report shows. */
export interface EspionageVisibility {
  resources: boolean;
  fleet: boolean;
  defenses: boolean;
  buildings: boolean;
  research: boolean;
  /**
   * Chance in percent (0–100) that the defender catches the spies and a battle follows.
   * Absent means 0 (the seed has no counter-espionage).
   */
  counterEspionageChance?: number;
}

/** Everything visible: the rule of rulesets without espionage technology (the seed). */
export const FULL_ESPIONAGE: Readonly<EspionageVisibility> = Object.freeze({
  resources: true,
  fleet: true,
  defenses: true,
  buildings: true,
  research: true,
});

/**
 * A ruleset: a catalog plus every formula the simulation needs. Implementations are pure: no
 * clock, no randomness, no I/O. Methods that take a unit type throw `UnknownUnitError` when the
 * type is not in the catalog or has the wrong category; `unit()` is the non-throwing lookup.
 * "currentLevel" is always the level before the action (the seed's L).
 */
export interface Ruleset {
  readonly id: RulesetId;
  readonly policies: RulesetPolicies;
  readonly speeds: UniverseSpeeds;

  // Catalog.
  units(category: UnitCategory): readonly UnitDef[];
  unit(type: string): UnitDef | undefined;
  startingBuildings(): Record<string, number>;
  /** Requirements of `type` not met by the given levels (empty when it may be built). */
  missingRequirements(
    type: string,
    levels: Pick<TimeContext, 'buildings' | 'research'>,
  ): Requirement[];

  // Buildings.
  /** Price of level currentLevel + 1. */
  buildingCost(type: string, currentLevel: number): Cost;
  /** Duration of level currentLevel + 1 after every reduction. */
  buildingTime(type: string, currentLevel: number, context: TimeContext): number;
  /** Duration of level currentLevel + 1 without planet or research reductions. */
  buildingBaseTime(type: string, currentLevel: number): number;
  /** GET /building-costs; tolerates unknown types the way the ruleset's reference server did. */
  buildingQuote(type: string, level: number): BuildingQuote;
  demolition(type: string, currentLevel: number, context: TimeContext): DemolitionQuote;
  /** Why one level of `type` cannot be demolished now, or undefined if it can. */
  demolishBlock(type: string, buildings: Levels): DemolishBlock | undefined;
  /** What cancelling a queued item gives back, given what was paid for it. */
  cancelRefund(paid: Cost): Cost;

  // Research.
  researchCost(type: string, currentLevel: number): Cost;
  researchTime(type: string, currentLevel: number, context: TimeContext): number;
  researchBaseTime(type: string, currentLevel: number): number;

  // Ships and defenses.
  /** Price of one unit. */
  unitCost(type: string): Cost;
  /** Duration of a batch of `quantity` units (rounding is per batch or per unit by ruleset). */
  shipyardTime(type: string, quantity: number, context: TimeContext): number;
  /** Stats of one unit under the owner's research; throws for buildings and research. */
  unitStats(type: string, research: Levels): UnitStats;
  /** Items the planet's shipyard queue may hold. */
  shipyardQueueLimit(buildings: Levels): number;
  /** Ships (stationed + queued) one planet may hold; undefined when unlimited. */
  maxShipsPerPlanet(research: Levels): number | undefined;
  /** Fleets one player may have in flight at once; undefined when unlimited. */
  maxFleetSlots(research: Levels): number | undefined;

  // Fleets. Optional: a ruleset without them flies by the seed's linear formula (rules/flight.ts)
  // and its spies see everything (FULL_ESPIONAGE).
  /** Distance, one-way duration and fuel of a flight. */
  flight?(input: FlightInput): FlightPlan;
  /** Which parts of the target an espionage mission reveals. */
  espionage?(input: EspionageInput): EspionageVisibility;

  // Economy.
  production(input: ProductionInput): ProductionRates;
  storageCapacity(planet: PlanetInputs): Resources;

  describe(): RulesetDescription;
}
