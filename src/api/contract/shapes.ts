// Named shapes shared by several routes (and by WebSocket messages): queue items, planets,
// fleets. Each mirrors one view function of src/sim/views.
import { Type } from 'typebox';
import { Coordinates, Resources } from './common.js';
import { Mission } from './enums.js';
import { DateTime, Id, MapOf, Named, Nullable, Obj, StringEnum } from './kit.js';

/** sim/views/player.ts queueItemView: a building level (or demolition) under construction. */
export const QueueItem = Named(
  'QueueItem',
  Obj(
    {
      id: Id(),
      index: Type.Integer({ minimum: -1, description: "Position in the planet's queue." }),
      type: Type.String({ description: 'The building type.' }),
      action: StringEnum(['build', 'demolish']),
      level: Type.Integer({ description: 'The level reached on completion.' }),
      start_time: DateTime(),
      completion_time: DateTime(),
      cost: Resources,
    },
    { description: "An item of a planet's building queue (each starts when the one before ends)." },
  ),
);

/** sim/views/player.ts shipQueueItemView: an order at a shipyard, delivered one unit at a time. */
export const ShipQueueItem = Named(
  'ShipQueueItem',
  Obj(
    {
      id: Id(),
      index: Type.Integer({ minimum: -1 }),
      type: Type.String({ description: 'The ship or defense type.' }),
      count: Type.Integer({ description: 'Units still to be delivered.' }),
      ordered: Type.Integer(),
      delivered: Type.Integer(),
      queued_at: DateTime(),
      start_time: DateTime(),
      next_completion_time: DateTime(),
      completion_time: DateTime({ description: 'When the last unit is delivered.' }),
      unit_seconds: Type.Number({ description: 'Build time of one unit.' }),
      cost: Resources,
    },
    { description: "An order of a planet's shipyard queue." },
  ),
);

/** sim/views/player.ts researchQueueView items: research is the player's, run at one lab. */
export const ResearchQueueItem = Named(
  'ResearchQueueItem',
  Obj({
    id: Id(),
    type: Type.String({ description: 'The technology.' }),
    level: Type.Integer(),
    planet_id: Id({ description: 'The planet whose lab runs it.' }),
    start_time: DateTime(),
    completion_time: DateTime(),
    cost: Resources,
  }),
);

/** The fields of sim/views/player.ts planetSummary (the `Planet` schema extends them). */
export const planetSummaryFields = {
  id: Id(),
  name: Type.String(),
  galaxy: Type.Integer(),
  system: Type.Integer(),
  position: Type.Integer(),
  active: Type.Boolean({ description: 'Whether it is the active planet (the default target).' }),
  resources: Resources,
  temperature: Type.Number({ description: 'Temperature in °C.' }),
  size: Type.Integer({ description: "The seed's planet size; OGame's field count." }),
  last_update: DateTime({ description: 'When its resources were last settled.' }),
};

/** sim/views/player.ts planetSummary: a planet of the player, as listed. */
export const PlanetSummary = Named('PlanetSummary', Obj(planetSummaryFields));

const FleetEnd = Obj({
  galaxy: Type.Integer(),
  system: Type.Integer(),
  position: Type.Integer(),
  planet_id: Nullable(Id()),
});

/** sim/views/fleet.ts fleetView: one of the player's fleets away from home. */
export const Fleet = Named(
  'Fleet',
  Obj(
    {
      id: Id(),
      mission: Mission,
      state: StringEnum(['outbound', 'holding', 'returning']),
      origin: FleetEnd,
      target: FleetEnd,
      ships: MapOf(Type.Integer({ minimum: 0 })),
      cargo: Resources,
      speed: Type.Number({ description: 'Share of full speed, in (0, 1].' }),
      distance: Type.Number(),
      fuel: Type.Number(),
      departure_time: DateTime(),
      arrival_time: DateTime(),
      hold_until: Nullable(DateTime()),
      return_time: Nullable(DateTime({ description: 'Null for one-way missions.' })),
      recalled: Type.Boolean(),
    },
    { description: 'A fleet of the player in flight, holding at its target or returning.' },
  ),
);

/** sim/views/fleet.ts incomingView: another player's fleet heading to one of the player's planets. */
export const IncomingFleet = Named(
  'IncomingFleet',
  Obj({
    id: Id(),
    mission: Mission,
    hostile: Type.Boolean(),
    owner_user_id: Id(),
    origin: Coordinates,
    target: FleetEnd,
    arrival_time: DateTime(),
    ships: Nullable(
      MapOf(Type.Integer({ minimum: 0 }), { description: 'Hidden (null) when hostile.' }),
    ),
  }),
);

/** sim/views/notifications.ts notificationView: a stored notification. */
export const Notification = Named(
  'Notification',
  Obj(
    {
      id: Id({ description: 'Also the `seq` of the WebSocket message that delivered it.' }),
      user_id: Id(),
      type: Type.String({
        description:
          'building_complete, research_complete, ship_build_complete, storage_full, energy_deficit, incoming_attack, battle_report, espionage_report, espionage_detected, colony_founded, colonization_failed, trade_completed, offer_expired, account_inactive, ...',
      }),
      payload: Type.Object({}, { additionalProperties: true, description: 'Depends on `type`.' }),
      priority: StringEnum(['info', 'normal', 'warning', 'critical']),
      created_at: DateTime(),
      read_at: Nullable(DateTime()),
    },
    { description: 'A message kept for the player, read or not.' },
  ),
);
