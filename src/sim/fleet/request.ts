// Shape checks of a dispatch (or preview) body, with the specification's error texts. Only the
// shape is checked here; what the game state allows is checked by planDispatch.

import { RESOURCE_KINDS } from '../../rules/types.js';
import { badRequest } from '../errors.js';
import type { FleetMission, Resources } from '../types.js';
import { DEFAULT_MISSION, FLEET_MISSIONS, isFleetMission } from './missions.js';

/** Largest count of one ship type or amount of one resource a request may name. */
export const MAX_REQUEST_AMOUNT = 1e15;

export interface DispatchRequest {
  galaxy: number;
  system: number;
  position: number;
  mission: FleetMission;
  /** Share of full speed, in (0, 1]. */
  speed: number;
  /**
   * The ships to send; null when the request named none (absent or `{}`): the mission's default
   * is then taken from the origin planet (defaultShips, compatibility with the Python server).
   */
  ships: Record<string, number> | null;
  resources: Resources;
  /** Where the fleet starts (`origin_planet_id`, or `planet_id`); the active planet when absent. */
  originPlanetId: number | null;
}

/** The body as received (JSON); every field is checked here. */
export interface DispatchBody {
  galaxy?: unknown;
  system?: unknown;
  position?: unknown;
  mission?: unknown;
  speed?: unknown;
  ships?: unknown;
  resources?: unknown;
  origin_planet_id?: unknown;
  /** The name every other planet-scoped request uses; a synonym of `origin_planet_id`. */
  planet_id?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Absent, null or `{}` is no selection (null); otherwise at least one count must be > 0. */
function parseShips(raw: unknown): Record<string, number> | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw))
    throw badRequest('invalid_field', 'ships must be an object mapping ship_type to count');
  const entries = Object.entries(raw);
  if (entries.length === 0) return null;
  const ships: Record<string, number> = {};
  for (const [type, count] of entries) {
    if (!isInt(count) || count < 0 || count > MAX_REQUEST_AMOUNT) {
      throw badRequest('invalid_field', `ships.${type} must be a whole number >= 0`);
    }
    if (count > 0) ships[type] = count;
  }
  if (Object.keys(ships).length === 0) {
    throw badRequest(
      'no_ships_selected',
      'No ships selected: ships must name at least one ship type with a count > 0',
    );
  }
  return ships;
}

function parseResources(raw: unknown): Resources {
  const cargo: Resources = { metal: 0, crystal: 0, deuterium: 0 };
  if (raw === undefined || raw === null) return cargo;
  if (!isObject(raw))
    throw badRequest('invalid_field', 'resources must be an object {metal, crystal, deuterium}');
  for (const [kind, amount] of Object.entries(raw)) {
    if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
      throw badRequest(
        'unknown_type',
        `resources: unknown resource "${kind}" (metal, crystal, deuterium)`,
      );
    }
    if (!isInt(amount) || amount < 0 || amount > MAX_REQUEST_AMOUNT) {
      throw badRequest('invalid_field', `resources.${kind} must be a whole number >= 0`);
    }
    cargo[kind as keyof Resources] = amount;
  }
  return cargo;
}

/** Parses a dispatch body or throws 400 naming the first problem. */
export function parseDispatchBody(body: DispatchBody): DispatchRequest {
  const { galaxy, system, position } = body;
  if (!isInt(galaxy) || !isInt(system) || !isInt(position)) {
    throw badRequest('invalid_field', 'galaxy, system, position must be integers');
  }
  if (galaxy <= 0 || system <= 0 || position <= 0)
    throw badRequest('out_of_bounds', 'Invalid coordinates');
  const missionRaw = body.mission ?? DEFAULT_MISSION;
  if (typeof missionRaw !== 'string' || !isFleetMission(missionRaw.trim().toLowerCase())) {
    throw badRequest(
      'unknown_type',
      `Invalid mission: "${String(missionRaw)}". Valid values: ${FLEET_MISSIONS.join(', ')}`,
      { valid: FLEET_MISSIONS },
    );
  }
  const speed = body.speed ?? 1;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 1) {
    throw badRequest(
      'invalid_field',
      'speed must be a number in (0, 1] (a fraction of full speed)',
    );
  }
  const origin = body.origin_planet_id;
  if (origin !== undefined && origin !== null && (!isInt(origin) || origin <= 0)) {
    throw badRequest('invalid_field', 'origin_planet_id must be a planet id');
  }
  const planetId = body.planet_id;
  if (planetId !== undefined && planetId !== null && (!isInt(planetId) || planetId <= 0)) {
    throw badRequest('invalid_field', 'planet_id must be a positive integer');
  }
  if (isInt(origin) && isInt(planetId) && origin !== planetId) {
    throw badRequest(
      'invalid_field',
      'planet_id and origin_planet_id name different planets; give one of them',
    );
  }
  return {
    galaxy,
    system,
    position,
    mission: missionRaw.trim().toLowerCase() as FleetMission,
    speed,
    ships: parseShips(body.ships),
    resources: parseResources(body.resources),
    originPlanetId: isInt(origin) ? origin : isInt(planetId) ? planetId : null,
  };
}
