// Rows <-> world for fleets (one `fleets` row plus one `fleet_ships` row per ship type) and the
// report histories. Wired into mapping.ts's SERIALIZERS, KEY_COLUMNS and buildWorld.

import { LAST_FLEET_ID_KEY } from '../sim/fleet/registry.js';
import type { Fleet, FleetMission, FleetState } from '../sim/types.js';
import type { World } from '../sim/world.js';
import type { Row } from './tables.js';

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function fleetRow(f: Fleet): Row {
  return {
    id: f.id,
    owner_id: f.ownerId,
    origin_planet_id: f.originPlanetId,
    origin_galaxy: f.origin.galaxy,
    origin_system: f.origin.system,
    origin_position: f.origin.position,
    target_galaxy: f.target.galaxy,
    target_system: f.target.system,
    target_position: f.target.position,
    target_planet_id: f.targetPlanetId,
    mission: f.mission,
    state: f.state,
    speed: f.speed,
    distance: f.distance,
    fuel: f.fuel,
    cargo_metal: f.cargo.metal,
    cargo_crystal: f.cargo.crystal,
    cargo_deuterium: f.cargo.deuterium,
    departure_time: f.departureTime,
    arrival_time: f.arrivalTime,
    hold_until: f.holdUntil,
    return_time: f.returnTime,
    recalled: f.recalled ? 1 : 0,
    battle_seed: f.battleSeed,
  };
}

type Serializer = (world: World, key: string | number) => Row[] | null;

export const FLEET_SERIALIZERS: Record<
  'fleets' | 'fleet_ships' | 'battle_reports' | 'espionage_reports',
  Serializer
> = {
  fleets: (w, k) => {
    const f = w.fleets.get(num(k));
    return f ? [fleetRow(f)] : null;
  },
  // One entity (keyed by fleet id) spread over one row per ship type, replaced whole.
  fleet_ships: (w, k) => {
    const f = w.fleets.get(num(k));
    if (!f) return null;
    return Object.entries(f.ships).map(([ship, amount]) => ({
      fleet_id: f.id,
      ship_type: ship,
      amount,
    }));
  },
  // Reports are histories written through ChangeSet.insert.
  battle_reports: () => null,
  espionage_reports: () => null,
};

export const FLEET_KEY_COLUMNS: Record<
  'fleets' | 'fleet_ships' | 'battle_reports' | 'espionage_reports',
  (key: string | number) => Row
> = {
  fleets: (k) => ({ id: num(k) }),
  fleet_ships: (k) => ({ fleet_id: num(k) }),
  battle_reports: (k) => ({ id: num(k) }),
  espionage_reports: (k) => ({ id: num(k) }),
};

/** Rebuilds every fleet (and its ships) from stored rows; meta must be loaded first. */
export function loadFleets(world: World, fleets: readonly Row[], ships: readonly Row[]): void {
  world.fleets.bumpId(Number(world.meta.get(LAST_FLEET_ID_KEY) ?? 0));
  const shipsByFleet = new Map<number, Record<string, number>>();
  for (const r of ships) {
    const id = num(r.fleet_id);
    const map = shipsByFleet.get(id) ?? {};
    map[String(r.ship_type)] = num(r.amount);
    shipsByFleet.set(id, map);
  }
  for (const r of fleets) {
    const id = num(r.id);
    world.fleets.add({
      id,
      ownerId: num(r.owner_id),
      originPlanetId: num(r.origin_planet_id),
      origin: {
        galaxy: num(r.origin_galaxy),
        system: num(r.origin_system),
        position: num(r.origin_position),
      },
      target: {
        galaxy: num(r.target_galaxy),
        system: num(r.target_system),
        position: num(r.target_position),
      },
      targetPlanetId: numOrNull(r.target_planet_id),
      mission: String(r.mission) as FleetMission,
      state: String(r.state) as FleetState,
      ships: shipsByFleet.get(id) ?? {},
      cargo: {
        metal: num(r.cargo_metal),
        crystal: num(r.cargo_crystal),
        deuterium: num(r.cargo_deuterium),
      },
      speed: num(r.speed),
      distance: num(r.distance),
      fuel: num(r.fuel),
      departureTime: num(r.departure_time),
      arrivalTime: num(r.arrival_time),
      holdUntil: numOrNull(r.hold_until),
      returnTime: numOrNull(r.return_time),
      recalled: num(r.recalled) === 1,
      battleSeed: numOrNull(r.battle_seed),
    });
  }
}
