// Schemas of the player's routes: snapshot, planets, buildings, research. Each success body
// mirrors the view (src/sim/views/player.ts) or the route that builds it.
import { Type } from 'typebox';
import { PLANET_NAME_MAX, PLANET_NAME_MIN, PLANET_NAME_PATTERN } from '../../sim/planet-name.js';
import { Levels, Position, Resources } from './common.js';
import { BuildingType, ResearchType } from './enums.js';
import { DateTime, Id, MapOf, Named, Obj } from './kit.js';
import {
  PlanetSummary,
  planetSummaryFields,
  QueueItem,
  ResearchQueueItem,
  ShipQueueItem,
} from './shapes.js';

/** The optional `planet_id` of planet-scoped requests: without it the active planet is used. */
const planetIdDescription =
  "One of the player's planets; the active planet when absent. Another planet answers 404 `planet_not_found`.";

/** `?planet_id=` of planet-scoped reads and deletions. */
export const PlanetQuery = Obj({
  planet_id: Type.Optional(Id({ description: planetIdDescription })),
});

export const UserPlanetParams = Obj({ user_id: Id(), planet_id: Id() });

/** sim/views/player.ts economyView: hourly rates, with the mines' energy factor applied. */
export const Production = Named(
  'Production',
  Obj(
    { metal: Type.Number(), crystal: Type.Number(), deuterium: Type.Number() },
    { description: 'Net production per hour (rounded to hundredths).' },
  ),
);

export const EnergyBalance = Named(
  'EnergyBalance',
  Obj({
    produced: Type.Number(),
    consumed: Type.Number(),
    factor: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Share of full mine output the energy balance allows.',
    }),
  }),
);

const ShipStats = Obj({
  attack: Type.Number(),
  shield: Type.Number(),
  speed: Type.Number(),
  cargo: Type.Number(),
  structure: Type.Number(),
});

/** sim/views/highscore.ts playerRanking. */
const PlayerRanking = Obj({
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'Overall rank; null before the first scoring.',
  }),
  players: Type.Integer({ minimum: 0 }),
  points: Type.Integer(),
  economy: Type.Integer(),
  research: Type.Integer(),
  military: Type.Integer(),
});

/**
 * sim/views/player.ts playerSnapshot: GET /player/{id}, rendered by player-snapshot-cache.ts
 * in exactly this key order.
 */
export const PlayerSnapshot = Named(
  'PlayerSnapshot',
  Obj(
    {
      player: Obj({ name: Type.String(), user_id: Id(), last_active: DateTime() }),
      position: Position,
      resources: Resources,
      buildings: Levels,
      build_queue: Type.Array(QueueItem),
      ship_build_queue: Type.Array(ShipQueueItem),
      fleet: Levels,
      defenses: Levels,
      research: Levels,
      research_queue: Type.Array(ResearchQueueItem),
      ship_stats: MapOf(ShipStats, { description: 'Stats by ship type, research applied.' }),
      planet: Obj({
        id: Id(),
        name: Type.String(),
        temperature: Type.Number(),
        size: Type.Integer(),
      }),
      production: Production,
      energy: EnergyBalance,
      capacity: Resources,
      unread_notifications: Type.Integer({ minimum: 0 }),
      highscore: PlayerRanking,
      server_time: DateTime(),
    },
    {
      description:
        'The player and one planet (the active one, or `?planet_id=`): resources, levels, queues, economy and ranking.',
    },
  ),
);

/** sim/views/player.ts planetView: GET /player/{id}/planets/{planet_id}. */
export const PlanetDetail = Named(
  'Planet',
  Obj(
    {
      ...planetSummaryFields,
      production: Production,
      energy: EnergyBalance,
      capacity: Resources,
      buildings: Levels,
      ships: Levels,
      defenses: Levels,
      build_queue: Type.Array(QueueItem),
      ship_build_queue: Type.Array(ShipQueueItem),
    },
    { description: 'One planet of the player, whole: place, economy, units and queues.' },
  ),
);

export const PlanetList = Named('PlanetList', Obj({ planets: Type.Array(PlanetSummary) }));

const planetName = (description = '') =>
  Type.String({
    pattern: PLANET_NAME_PATTERN,
    description: `${description}${PLANET_NAME_MIN} to ${PLANET_NAME_MAX} characters after trimming: letters, digits, spaces, "-", "_", "."; anything else is 400 \`invalid_planet_name\`. Stored as given (trimmed), never HTML-escaped.`,
  });

export const ChooseStartRequest = Obj({
  galaxy: Type.Integer({ minimum: 1 }),
  system: Type.Integer({ minimum: 1 }),
  position: Type.Optional(
    Type.Integer({ minimum: 1, description: 'The first free position when absent.' }),
  ),
  name: Type.Optional(planetName('The starter name when absent or empty. ')),
});

export const StartChosen = Named(
  'StartChosen',
  Obj({
    message: Type.String(),
    planet: Obj({
      id: Id(),
      name: Type.String(),
      galaxy: Type.Integer(),
      system: Type.Integer(),
      position: Type.Integer(),
    }),
  }),
);

export const PlanetSelected = Named(
  'PlanetSelected',
  Obj({ message: Type.String(), planet_id: Id(), position: Position }),
);

export const RenamePlanetRequest = Obj({ name: planetName() });

export const PlanetRenamed = Named(
  'PlanetRenamed',
  Obj({ message: Type.String(), planet: PlanetSummary }),
);

export const BuildRequest = Obj({
  building_type: BuildingType,
  planet_id: Type.Optional(Id({ description: planetIdDescription })),
});

export const BuildQueued = Named('BuildQueued', Obj({ message: Type.String(), item: QueueItem }));

export const DemolitionQueued = Named(
  'DemolitionQueued',
  Obj({
    message: Type.String(),
    planet_id: Id(),
    building_type: Type.String(),
    new_level: Type.Integer({ minimum: 0 }),
    refund: Resources,
    queued: Type.Boolean({
      description: 'True where demolition takes time (a queue item); false where it was at once.',
    }),
  }),
);

export const BuildCancelled = Named(
  'BuildCancelled',
  Obj({
    message: Type.String(),
    planet_id: Id(),
    cancelled: Type.Array(Obj({ id: Id(), type: Type.String(), level: Type.Integer() }), {
      description: 'The item and every later item of the same building.',
    }),
    refund: Resources,
  }),
);

export const BuildingCost = Named(
  'BuildingCost',
  Obj({
    building_type: Type.String(),
    level: Type.Integer({ minimum: 0 }),
    cost: Resources,
    build_time_seconds: Type.Number({ description: 'Without planet or research reductions.' }),
  }),
);

export const ResearchState = Named(
  'ResearchState',
  Obj({ research: Levels, queue: Type.Array(ResearchQueueItem) }),
);

export const ResearchRequest = Obj({
  research_type: ResearchType,
  planet_id: Type.Optional(
    Id({ description: `The planet whose lab runs it and pays. ${planetIdDescription}` }),
  ),
});

export const ResearchQueued = Named(
  'ResearchQueued',
  Obj({ message: Type.String(), item: ResearchQueueItem }),
);
