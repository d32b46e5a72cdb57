// Combat data of the real game's ships and defenses (spec/ogame-rules.md §3.5 and §3.6).
// Where sources differ the live game (alaingilbert/ogame, "AG") wins over OGameX, as the spec
// asks: ion cannon cost 5000/3000/0, deathstar rapid fire 1250 against probe/satellite/crawler,
// the reaper's and pathfinder's AG rapid-fire rows, the ion cannon's rapid fire against reapers.
// Missiles (502/503) are deliberately absent: they never take part in a battle.

export const COMBAT_UNIT_IDS = [
  'small_cargo',
  'large_cargo',
  'light_fighter',
  'heavy_fighter',
  'cruiser',
  'battleship',
  'colony_ship',
  'recycler',
  'espionage_probe',
  'bomber',
  'solar_satellite',
  'destroyer',
  'deathstar',
  'battlecruiser',
  'crawler',
  'reaper',
  'pathfinder',
  'rocket_launcher',
  'light_laser',
  'heavy_laser',
  'gauss_cannon',
  'ion_cannon',
  'plasma_turret',
  'small_shield_dome',
  'large_shield_dome',
] as const;

export type CombatUnitId = (typeof COMBAT_UNIT_IDS)[number];

export type CombatUnitKind = 'ship' | 'defense';

export interface ResourceCost {
  readonly metal: number;
  readonly crystal: number;
  readonly deuterium: number;
}

/** Base (research-free) combat data of one unit type. */
export interface CombatUnitData {
  readonly id: CombatUnitId;
  /** The game's numeric id, as in the spec tables (202 small cargo ... 408 large shield dome). */
  readonly gameId: number;
  readonly kind: CombatUnitKind;
  readonly cost: ResourceCost;
  /** Structural integrity (= metal + crystal cost); combat hull is a tenth of it. */
  readonly structure: number;
  readonly shield: number;
  readonly attack: number;
  /** Base cargo capacity; 0 for defenses and for units that carry nothing. */
  readonly cargo: number;
  /** Rapid fire against target types: n means "fire again with probability 1 - 1/n". */
  readonly rapidFire: Readonly<Partial<Record<CombatUnitId, number>>>;
}

/** Every combat ship has rapid fire 5 against these three "fodder" units (§3.6). */
const FODDER_RAPID_FIRE = { espionage_probe: 5, solar_satellite: 5, crawler: 5 } as const;

type UnitRow = Omit<CombatUnitData, 'id' | 'kind' | 'structure' | 'rapidFire'> & {
  readonly rapidFire?: Readonly<Partial<Record<CombatUnitId, number>>>;
};

function ship(row: UnitRow): Omit<CombatUnitData, 'id'> {
  return unit('ship', row);
}

function defense(row: Omit<UnitRow, 'cargo'>): Omit<CombatUnitData, 'id'> {
  return unit('defense', { ...row, cargo: 0 });
}

function unit(kind: CombatUnitKind, row: UnitRow): Omit<CombatUnitData, 'id'> {
  return {
    ...row,
    kind,
    // Structural integrity is by definition metal + crystal (§3.5).
    structure: row.cost.metal + row.cost.crystal,
    rapidFire: row.rapidFire ?? {},
  };
}

function cost(metal: number, crystal: number, deuterium: number): ResourceCost {
  return { metal, crystal, deuterium };
}

const TABLE: Record<CombatUnitId, Omit<CombatUnitData, 'id'>> = {
  small_cargo: ship({
    gameId: 202,
    cost: cost(2000, 2000, 0),
    shield: 10,
    attack: 5,
    cargo: 5000,
    rapidFire: FODDER_RAPID_FIRE,
  }),
  large_cargo: ship({
    gameId: 203,
    cost: cost(6000, 6000, 0),
    shield: 25,
    attack: 5,
    cargo: 25_000,
    rapidFire: FODDER_RAPID_FIRE,
  }),
  light_fighter: ship({
    gameId: 204,
    cost: cost(3000, 1000, 0),
    shield: 10,
    attack: 50,
    cargo: 50,
    rapidFire: FODDER_RAPID_FIRE,
  }),
  heavy_fighter: ship({
    gameId: 205,
    cost: cost(6000, 4000, 0),
    shield: 25,
    attack: 150,
    cargo: 100,
    rapidFire: { ...FODDER_RAPID_FIRE, small_cargo: 3 },
  }),
  cruiser: ship({
    gameId: 206,
    cost: cost(20_000, 7000, 2000),
    shield: 50,
    attack: 400,
    cargo: 800,
    rapidFire: { ...FODDER_RAPID_FIRE, light_fighter: 6, rocket_launcher: 10 },
  }),
  battleship: ship({
    gameId: 207,
    cost: cost(45_000, 15_000, 0),
    shield: 200,
    attack: 1000,
    cargo: 1500,
    rapidFire: { ...FODDER_RAPID_FIRE, pathfinder: 5 },
  }),
  colony_ship: ship({
    gameId: 208,
    cost: cost(10_000, 20_000, 10_000),
    shield: 100,
    attack: 50,
    cargo: 7500,
    rapidFire: FODDER_RAPID_FIRE,
  }),
  recycler: ship({
    gameId: 209,
    cost: cost(10_000, 6000, 2000),
    shield: 10,
    attack: 1,
    cargo: 20_000,
    rapidFire: FODDER_RAPID_FIRE,
  }),
  // The live game shows 0.01 attack/shield for probes; 0 behaves the same in combat (a probe's
  // shot never gets through a shield and every shot at it reaches the hull).
  espionage_probe: ship({ gameId: 210, cost: cost(0, 1000, 0), shield: 0, attack: 0, cargo: 0 }),
  bomber: ship({
    gameId: 211,
    cost: cost(50_000, 25_000, 15_000),
    shield: 500,
    attack: 1000,
    cargo: 500,
    rapidFire: {
      ...FODDER_RAPID_FIRE,
      rocket_launcher: 20,
      light_laser: 20,
      heavy_laser: 10,
      ion_cannon: 10,
    },
  }),
  solar_satellite: ship({ gameId: 212, cost: cost(0, 2000, 500), shield: 1, attack: 1, cargo: 0 }),
  destroyer: ship({
    gameId: 213,
    cost: cost(60_000, 50_000, 15_000),
    shield: 500,
    attack: 2000,
    cargo: 2000,
    rapidFire: { ...FODDER_RAPID_FIRE, light_laser: 10, battlecruiser: 2 },
  }),
  deathstar: ship({
    gameId: 214,
    cost: cost(5_000_000, 4_000_000, 1_000_000),
    shield: 50_000,
    attack: 200_000,
    cargo: 1_000_000,
    rapidFire: {
      small_cargo: 250,
      large_cargo: 250,
      colony_ship: 250,
      recycler: 250,
      light_fighter: 200,
      heavy_fighter: 100,
      espionage_probe: 1250,
      solar_satellite: 1250,
      crawler: 1250,
      cruiser: 33,
      battleship: 30,
      pathfinder: 30,
      bomber: 25,
      battlecruiser: 15,
      reaper: 10,
      destroyer: 5,
      rocket_launcher: 200,
      light_laser: 200,
      heavy_laser: 100,
      ion_cannon: 100,
      gauss_cannon: 50,
    },
  }),
  battlecruiser: ship({
    gameId: 215,
    cost: cost(30_000, 40_000, 15_000),
    shield: 400,
    attack: 700,
    cargo: 750,
    rapidFire: {
      ...FODDER_RAPID_FIRE,
      small_cargo: 3,
      large_cargo: 3,
      heavy_fighter: 4,
      cruiser: 4,
      battleship: 7,
    },
  }),
  crawler: ship({ gameId: 217, cost: cost(2000, 2000, 1000), shield: 1, attack: 1, cargo: 0 }),
  reaper: ship({
    gameId: 218,
    cost: cost(85_000, 55_000, 20_000),
    shield: 700,
    attack: 2800,
    cargo: 10_000,
    rapidFire: { ...FODDER_RAPID_FIRE, battleship: 7, battlecruiser: 7, bomber: 4, destroyer: 3 },
  }),
  pathfinder: ship({
    gameId: 219,
    cost: cost(8000, 15_000, 8000),
    shield: 100,
    attack: 200,
    cargo: 10_000,
    rapidFire: { ...FODDER_RAPID_FIRE, cruiser: 3, light_fighter: 3, heavy_fighter: 2 },
  }),
  rocket_launcher: defense({ gameId: 401, cost: cost(2000, 0, 0), shield: 20, attack: 80 }),
  light_laser: defense({ gameId: 402, cost: cost(1500, 500, 0), shield: 25, attack: 100 }),
  heavy_laser: defense({ gameId: 403, cost: cost(6000, 2000, 0), shield: 100, attack: 250 }),
  gauss_cannon: defense({
    gameId: 404,
    cost: cost(20_000, 15_000, 2000),
    shield: 200,
    attack: 1100,
  }),
  // Live cost 5000/3000 (AG); OGameX and classic use 2000/6000. Same structure either way.
  ion_cannon: defense({
    gameId: 405,
    cost: cost(5000, 3000, 0),
    shield: 500,
    attack: 150,
    rapidFire: { reaper: 2 },
  }),
  plasma_turret: defense({
    gameId: 406,
    cost: cost(50_000, 50_000, 30_000),
    shield: 300,
    attack: 3000,
  }),
  small_shield_dome: defense({
    gameId: 407,
    cost: cost(10_000, 10_000, 0),
    shield: 2000,
    attack: 1,
  }),
  large_shield_dome: defense({
    gameId: 408,
    cost: cost(50_000, 50_000, 0),
    shield: 10_000,
    attack: 1,
  }),
};

/** Combat data per unit type id, frozen so callers cannot change the ruleset by accident. */
export const OGAME_COMBAT_UNITS: Readonly<Record<CombatUnitId, CombatUnitData>> = Object.freeze(
  Object.fromEntries(
    COMBAT_UNIT_IDS.map((id) => [id, Object.freeze({ id, ...TABLE[id] })]),
  ) as Record<CombatUnitId, CombatUnitData>,
);

export function isCombatUnitId(value: string): value is CombatUnitId {
  return Object.hasOwn(OGAME_COMBAT_UNITS, value);
}
