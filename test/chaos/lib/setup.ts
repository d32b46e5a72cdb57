// The world every chaos run plays in: a small universe, players with large fixed stocks and
// zero production, and fast queues (ECONOMY_SPEED / RESEARCH_SPEED), so that every change of a
// player's resources is explained by an acknowledged command, a trade or a battle.

import assert from 'node:assert/strict';
import { http } from './http.js';

export const ADMIN_TOKEN = 'chaos-admin-token';
export const TRADE_FEE_RATE = 0.05;
/** Start stock of each resource on every homeworld. */
export const START_STOCK = 2_000_000;
export const START_SHIPS: Readonly<Record<string, number>> = {
  light_fighter: 40,
  heavy_fighter: 10,
  colony_ship: 20,
};
/**
 * Buildings set on every homeworld. No solar plant and no fusion reactor while the mines stay
 * at level 1 or more: the seed ruleset's energy factor is then 0, so nothing is produced (a mine
 * level 0 everywhere would mean "no demand" and full base production). The robot factory,
 * shipyard and lab levels give the shortest queue times the seed allows.
 */
export const START_BUILDINGS: Readonly<Record<string, number>> = {
  solar_plant: 0,
  fusion_reactor: 0,
  robot_factory: 25,
  shipyard: 10,
  research_lab: 17,
};
/** What the workload builds: nothing here produces energy, so production stays zero. */
export const BUILDABLE = [
  'metal_mine',
  'crystal_mine',
  'deuterium_synthesizer',
  'metal_storage',
  'crystal_storage',
  'deuterium_tank',
] as const;
export const RESEARCHABLE = ['energy', 'laser', 'computer'] as const;

/** Server environment shared by every chaos run (plus the store's own variables). */
export function chaosEnv(): Record<string, string> {
  return {
    ADMIN_TOKEN,
    JWT_SECRET: 'chaos-jwt-secret-that-stays-the-same-across-restarts',
    LOG_LEVEL: 'warn',
    RULESET: 'seed',
    GALAXY_COUNT: '1',
    SYSTEMS_PER_GALAXY: '2',
    POSITIONS_PER_SYSTEM: '15',
    INITIAL_PLANETS: '30',
    UNIVERSE_SEED: '7',
    ECONOMY_SPEED: '10',
    RESEARCH_SPEED: '10',
    BASE_MAX_FLEET_SIZE: '1000000',
    TRADE_TRANSACTION_FEE_RATE: String(TRADE_FEE_RATE),
    NOTIFICATION_RETENTION: '1000000',
    // Battles above 60 units go to the battle worker thread: reserved battles cross kills too.
    BATTLE_WORKER_UNITS: '60',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
  };
}

export interface Coords {
  galaxy: number;
  system: number;
  position: number;
}

export interface Player {
  id: number;
  username: string;
  token: string;
  planetId: number;
  coords: Coords;
}

const PASSWORD = 'chaos-password-1';

async function adminPatch(base: string, path: string, body: object): Promise<void> {
  const res = await http(base, 'PATCH', path, { body, token: ADMIN_TOKEN });
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
}

/** Registers `count` players and equips their homeworlds (all acknowledged before returning). */
export async function setupPlayers(base: string, count: number): Promise<Player[]> {
  const players: Player[] = [];
  for (let i = 0; i < count; i++) {
    const username = `chaos${i}`;
    const reg = await http(base, 'POST', '/auth/register', {
      body: { username, email: `${username}@example.com`, password: PASSWORD },
    });
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    const login = await http(base, 'POST', '/auth/login', {
      body: { username, password: PASSWORD },
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const token = String(login.body.access_token);
    const id = Number(reg.body.id);
    const snap = await http(base, 'GET', `/player/${id}`, { token });
    assert.equal(snap.status, 200, JSON.stringify(snap.body));
    const planetId = Number(snap.body.planet.id);
    await adminPatch(base, `/admin/planets/${planetId}`, {
      resources: { metal: START_STOCK, crystal: START_STOCK, deuterium: START_STOCK },
      buildings: START_BUILDINGS,
      ships: START_SHIPS,
    });
    const { galaxy, system, planet: position } = snap.body.position;
    players.push({ id, username, token, planetId, coords: { galaxy, system, position } });
  }
  return players;
}
