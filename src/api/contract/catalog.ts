// Schemas of the catalog routes: the ruleset (GET /rules), the per-planet catalog, game status
// and market guidance. `Rules` mirrors RulesetDescription (src/rules/types.ts); its arrays are
// immutable in TypeScript, as the ruleset hands them out.
import { Type } from 'typebox';
import { Levels } from './common.js';
import { ResourceKind, UnitCategoryName } from './enums.js';
import { DateTime, Id, MapOf, Named, Obj, StringEnum } from './kit.js';

/** rules/types.ts Cost: a price; `energy` only where it asks for energy (a requirement). */
export const Cost = Named(
  'Cost',
  Obj(
    {
      metal: Type.Number(),
      crystal: Type.Number(),
      deuterium: Type.Number(),
      energy: Type.Optional(
        Type.Number({ description: 'Energy the planet must produce (not spent).' }),
      ),
    },
    { description: 'A price in resources, with the energy some OGame units require.' },
  ),
);

/** rules/types.ts Requirement. */
export const Requirement = Named(
  'Requirement',
  Obj(
    {
      type: Type.String({ description: 'A building or a technology.' }),
      level: Type.Integer({ minimum: 1 }),
    },
    { description: 'The unit `type` must be at least at `level`.' },
  ),
);

/** rules/types.ts UnitStats: base figures of a ship or defense. */
export const UnitStats = Named(
  'UnitStats',
  Obj(
    {
      attack: Type.Number(),
      shield: Type.Number(),
      structure: Type.Number({ description: 'Structural integrity (hull = structure / 10).' }),
      speed: Type.Number({ description: '0 for defenses.' }),
      cargo: Type.Number({ description: '0 for defenses.' }),
      fuel: Type.Number({ description: 'Deuterium per flight unit; 0 for defenses.' }),
    },
    { description: 'Combat and flight figures of a ship or defense.' },
  ),
);

/** rules/types.ts UnitDef: one entry of the ruleset's catalog. */
export const UnitDef = Named(
  'UnitDef',
  Obj(
    {
      type: Type.String({ description: 'The id used everywhere in the API (`metal_mine`).' }),
      category: UnitCategoryName,
      name: Type.String({ description: 'Display name.' }),
      baseCost: Cost,
      costFactor: Type.Number({ description: 'Growth of the cost per level; 1 for units.' }),
      energyCostFactor: Type.Optional(
        Type.Number({ description: 'Growth of the energy price where it differs.' }),
      ),
      costRoundTo: Type.Optional(
        Type.Number({ description: 'Level prices are rounded to a multiple of this.' }),
      ),
      baseTimeSeconds: Type.Optional(
        Type.Number({ description: 'Duration of the first level or unit (time tables).' }),
      ),
      timeFactor: Type.Optional(Type.Number({ description: 'Growth of the duration per level.' })),
      requires: Type.Array(Requirement),
      stats: Type.Optional(UnitStats),
      rapidFire: Type.Optional(
        MapOf(Type.Number(), {
          description: 'Against unit type: n means a 1 − 1/n chance to shoot again.',
        }),
      ),
      maxCount: Type.Optional(
        Type.Integer({ minimum: 1, description: 'Most of this unit per planet (queued too).' }),
      ),
      note: Type.Optional(Type.String()),
    },
    { description: 'A building, technology, ship or defense of the active ruleset.' },
  ),
);

/** rules/types.ts RulesetPolicies. */
const Policies = Obj({
  researchScope: StringEnum(['player', 'planet'], {
    description: 'Research levels belong to the player or to one planet.',
  }),
  maxConcurrentResearch: Type.Integer({ minimum: 1 }),
  cancelRefundRate: Type.Number({ description: 'Share of the price a cancellation gives back.' }),
  colonizationTimeSeconds: Type.Number(),
  espionageShipTypes: Type.Optional(
    Type.Immutable(
      Type.Array(Type.String(), { description: 'The only ships that spy; absent: any ship.' }),
    ),
  ),
});

/** rules/types.ts UniverseSpeeds. */
const Speeds = Obj({
  economySpeed: Type.Number({ description: 'Multiplies production, divides build times.' }),
  researchSpeed: Type.Number({ description: 'Divides research times.' }),
  fleetSpeed: Type.Number({ description: 'Divides flight times.' }),
});

const Universe = Obj(
  {
    galaxies: Type.Integer({ minimum: 1 }),
    systems: Type.Integer({ minimum: 1, description: 'Systems per galaxy.' }),
    positions: Type.Integer({ minimum: 1, description: 'Positions per system.' }),
    donutGalaxy: Type.Boolean({
      description: 'Galaxy distances wrap around (the last is next to the first).',
    }),
    donutSystem: Type.Boolean({ description: 'System distances wrap around.' }),
  },
  {
    description:
      "This server's universe: valid coordinates are 1..galaxies : 1..systems : 1..positions.",
  },
);

/** rules/types.ts RulesetDescription plus the server's universe: GET /rules. */
export const Rules = Named(
  'Rules',
  Obj(
    {
      id: StringEnum(['seed', 'ogame']),
      name: Type.String(),
      resources: Type.Immutable(Type.Array(ResourceKind)),
      units: Obj(
        {
          building: Type.Immutable(Type.Array(UnitDef)),
          research: Type.Immutable(Type.Array(UnitDef)),
          ship: Type.Immutable(Type.Array(UnitDef)),
          defense: Type.Immutable(
            Type.Array(UnitDef, { description: 'Empty in the seed ruleset.' }),
          ),
        },
        { description: 'The catalog by category.' },
      ),
      startingBuildings: Levels,
      policies: Policies,
      speeds: Speeds,
      universe: Universe,
      constants: MapOf(Type.Unknown(), {
        description: "The ruleset's named constants (numbers, tables, flags) by name.",
      }),
      formulas: MapOf(Type.String(), { description: 'The formulas in words, by name.' }),
    },
    {
      description:
        'The active ruleset: every unit with its costs, requirements and stats, policies, speeds, constants and formulas.',
    },
  ),
);

const MissingRequirement = Obj({
  type: Type.String(),
  level: Type.Integer(),
  current: Type.Integer(),
});

const requirementFields = {
  requirements_met: Type.Boolean(),
  missing_requirements: Type.Array(MissingRequirement),
};

/** sim/views/catalog.ts levelEntry: a building or technology and its next level. */
export const CatalogLevelEntry = Named(
  'CatalogLevelEntry',
  Obj({
    type: Type.String(),
    name: Type.String(),
    category: StringEnum(['building', 'research']),
    level: Type.Integer({
      minimum: 0,
      description: 'For buildings, the level its queue will reach.',
    }),
    next_cost: Cost,
    next_duration_seconds: Type.Number({ description: 'Every reduction applied.' }),
    ...requirementFields,
  }),
);

/** sim/views/catalog.ts unitEntry: a ship or defense, priced and timed for one unit. */
export const CatalogUnitEntry = Named(
  'CatalogUnitEntry',
  Obj({
    type: Type.String(),
    name: Type.String(),
    category: StringEnum(['ship', 'defense']),
    count: Type.Integer({ minimum: 0, description: 'Stationed on the planet.' }),
    next_cost: Cost,
    next_duration_seconds: Type.Number(),
    stats: UnitStats,
    ...requirementFields,
  }),
);

/** sim/views/catalog.ts catalogView: GET /player/{id}/catalog. */
export const Catalog = Named(
  'Catalog',
  Obj(
    {
      ruleset: StringEnum(['seed', 'ogame']),
      planet_id: Id({ description: 'The planet priced (the active one unless named).' }),
      buildings: Type.Array(CatalogLevelEntry),
      research: Type.Array(CatalogLevelEntry),
      ships: Type.Array(CatalogUnitEntry),
      defenses: Type.Optional(
        Type.Array(CatalogUnitEntry, { description: 'Absent in rulesets without defenses.' }),
      ),
    },
    { description: 'What the planet can build next, priced and timed, with requirements.' },
  ),
);

/** GET /game-status (catalog.ts). */
export const GameStatus = Named(
  'GameStatus',
  Obj({
    game_running: Type.Boolean(),
    total_entities: Type.Integer({ minimum: 0, description: 'Players.' }),
    total_planets: Type.Integer({ minimum: 0 }),
    server_time: DateTime(),
    ruleset: StringEnum(['seed', 'ogame']),
    database: Obj({
      status: StringEnum(['ok', 'fail']),
      persistence: StringEnum(['embedded', 'memory', 'postgres']),
    }),
    energy: Obj(
      {
        deficit_planets: Type.Integer({ minimum: 0 }),
        total_planets: Type.Integer({ minimum: 0 }),
        min_factor: Type.Number(),
        soft_floor: Type.Number(),
      },
      { description: 'Planets short of energy and the worst energy factor.' },
    ),
  }),
);

/** GET /market/guidance. */
export const MarketGuidance = Named(
  'MarketGuidance',
  Obj({
    exchange_ratios: Obj(
      { metal: Type.Number(), crystal: Type.Number(), deuterium: Type.Number() },
      { description: 'Relative worth of each resource (3 : 2 : 1).' },
    ),
    transaction_fee_rate: Type.Number({ minimum: 0, maximum: 1 }),
  }),
);
