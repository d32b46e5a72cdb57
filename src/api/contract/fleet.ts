// Schemas of the fleet routes: ships on a planet, shipyard orders, dispatch, preview and recall.
// Each success body mirrors its view (src/sim/views/fleet.ts, sim/views/player.ts); the
// dispatch body is checked by parseDispatchBody (src/sim/fleet/request.ts), which keeps the
// reference server's 400 texts, so it is described here exactly but enforced there.
import { Type, type Static } from 'typebox';
import { MAX_SHIP_ORDER } from '../../sim/commands/shipyard.js';
import { DEFAULT_MISSION } from '../../sim/fleet/missions.js';
import { MAX_REQUEST_AMOUNT } from '../../sim/fleet/request.js';
import { Coordinates, Levels } from './common.js';
import { Mission, ShipType, ShipyardUnitType } from './enums.js';
import { DateTime, Id, MapOf, Named, Nullable, Obj } from './kit.js';
import { Fleet, IncomingFleet, ShipQueueItem } from './shapes.js';

const planetIdDescription =
  "One of the player's planets; the active planet when absent. Another planet answers 404 `planet_not_found`.";

/** GET /player/{id}/fleet (shipyard.ts): one planet's units and queue, and every movement. */
export const FleetOverview = Named(
  'FleetOverview',
  Obj(
    {
      planet_id: Id({ description: 'The planet shown (the active one, or `?planet_id=`).' }),
      fleet: Levels,
      defenses: Levels,
      ship_build_queue: Type.Array(ShipQueueItem),
      missions: Type.Array(Fleet, {
        description: "The player's fleets away from home (from every planet).",
      }),
      incoming: Type.Array(IncomingFleet, {
        description:
          "Other players' fleets on their way to any of the player's planets, soonest first.",
      }),
    },
    {
      description:
        "Ships and defenses stationed on one planet, its shipyard queue, and the player's fleet movements.",
    },
  ),
);

export const BuildShipsRequest = Obj({
  ship_type: ShipyardUnitType,
  quantity: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_SHIP_ORDER,
      default: 1,
      description: 'Units to build (1 when absent).',
    }),
  ),
  planet_id: Type.Optional(
    Id({ description: `The planet whose shipyard builds and pays. ${planetIdDescription}` }),
  ),
});

export const ShipsQueued = Named(
  'ShipsQueued',
  Obj({
    message: Type.String({ description: '"Ship build queued: <type> x<count>".' }),
    item: ShipQueueItem,
  }),
);

/** Counts by ship type, as a dispatch names (or the server takes) them. */
const ShipSelection = (description: string) =>
  MapOf(Type.Integer({ minimum: 1, maximum: MAX_REQUEST_AMOUNT }), {
    propertyNames: ShipType,
    description,
  });

const Amount = Type.Integer({ minimum: 0, maximum: MAX_REQUEST_AMOUNT });

const COMPAT_SHIPS =
  'Compatibility behaviour (the Python server flew without a selection): absent or `{}`, the dispatch takes what the mission needs from the origin planet: espionage one espionage ship (OGame: an `espionage_probe`; the seed, where any ship spies, one of the fastest stationed), colonize one `colony_ship`, every other mission every ship stationed that can fly. The answer lists them in `ships_taken`; missing ones are the usual 409 `not_enough_ships`, nothing stationed 400 `no_ships_selected`.';

export const DispatchRequest = Obj({
  galaxy: Type.Integer({ minimum: 1 }),
  system: Type.Integer({ minimum: 1 }),
  position: Type.Integer({
    minimum: 1,
    description: 'Target coordinates; outside the universe (GET /rules) is 400 `out_of_bounds`.',
  }),
  // allOf: the document drops the siblings of a bare `$ref`, and the default must show.
  mission: Type.Optional(
    Type.Unsafe<Static<typeof Mission>>({
      allOf: [Mission],
      default: DEFAULT_MISSION,
      description: `What the fleet does at the target; \`${DEFAULT_MISSION}\` when absent.`,
    }),
  ),
  speed: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      default: 1,
      description: 'Share of full speed.',
    }),
  ),
  ships: Type.Optional(
    ShipSelection(`The ships to send, by type (a count of 0 is ignored). ${COMPAT_SHIPS}`),
  ),
  resources: Type.Optional(
    Obj(
      {
        metal: Type.Optional(Amount),
        crystal: Type.Optional(Amount),
        deuterium: Type.Optional(Amount),
      },
      { description: 'Cargo (none when absent); more than the fleet carries is 400.' },
    ),
  ),
  origin_planet_id: Type.Optional(
    Id({ description: `Where the fleet starts. ${planetIdDescription}` }),
  ),
  planet_id: Type.Optional(
    Id({
      description:
        'A synonym of `origin_planet_id` (the name the other planet-scoped requests use); both given and different is 400 `invalid_field`.',
    }),
  ),
});

const shipsTaken = {
  ships_taken: Type.Optional(
    ShipSelection(
      'Present only when the request named no ships: what the server took (compatibility behaviour).',
    ),
  ),
};

/** sim/views/fleet.ts dispatchView. */
export const FleetDispatched = Named(
  'FleetDispatched',
  Obj({
    message: Type.String({ description: '"Fleet dispatch queued".' }),
    target: Coordinates,
    mission: Mission,
    fleet_id: Id(),
    departure_time: DateTime(),
    arrival_time: DateTime(),
    return_time: Nullable(DateTime({ description: 'Null for one-way missions.' })),
    duration_seconds: Type.Number({ description: 'One way.' }),
    distance: Type.Number(),
    fuel: Type.Number({ description: 'Deuterium burnt (paid at departure).' }),
    fleet: Fleet,
    ...shipsTaken,
  }),
);

/** sim/views/fleet.ts previewFlight. */
export const FlightPreview = Named(
  'FlightPreview',
  Obj(
    {
      distance: Type.Number(),
      duration_seconds: Type.Integer({ minimum: 1, description: 'One way, whole seconds.' }),
      fuel: Type.Number(),
      arrival_time: DateTime({ description: 'If sent now.' }),
      return_time: Nullable(DateTime({ description: 'Null for one-way missions.' })),
      speed: Type.Number({ description: 'Speed of the slowest ship, before `speed_fraction`.' }),
      speed_fraction: Type.Number(),
      cargo_capacity: Type.Number(),
      mission: Mission,
      target: Coordinates,
      ...shipsTaken,
    },
    { description: 'The flight a dispatch would make now (ships on hand are not checked).' },
  ),
);

export const RecallParams = Obj({ user_id: Id(), fleet_id: Id() });

export const FleetRecalled = Named(
  'FleetRecalled',
  Obj({
    message: Type.String({ description: '"Fleet recall queued".' }),
    recalled: Type.Literal(true),
    fleet_id: Id({
      description: 'The fleet recalled (see the route for when it is not the one named).',
    }),
    return_eta: DateTime({ description: 'When the fleet is home.' }),
    fleet: Fleet,
  }),
);
