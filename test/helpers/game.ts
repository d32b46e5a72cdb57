import assert from 'node:assert/strict';
import type { GameServer } from '../../src/server.js';
import { requireUser } from '../../src/sim/economy/lookup.js';
import { createPlanet } from '../../src/sim/universe.js';
import type { OutboundEvent } from '../../src/sim/types.js';
import type { Session } from './server.js';

export const ADMIN_TOKEN = 'test-admin';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export type Amounts = { metal: number; crystal: number; deuterium: number };

/** GET /player/{id} as that player; fails the test on any other status than 200. */
export async function snapshot(server: GameServer, s: Session) {
  const res = await server.app.inject({ method: 'GET', url: `/player/${s.id}`, headers: s.auth });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** Sets a planet's resources (and optionally buildings) through the admin API. */
export async function patchPlanet(
  server: GameServer,
  planetId: number,
  patch: { resources?: Partial<Amounts>; buildings?: Record<string, number> },
): Promise<void> {
  const res = await server.app.inject({
    method: 'PATCH',
    url: `/admin/planets/${planetId}`,
    headers: ADMIN,
    payload: patch,
  });
  assert.equal(res.statusCode, 200, res.body);
}

/** The exact (unfloored) resources of every planet of a player, from the world. */
export function exactResources(server: GameServer, userId: number): Amounts {
  const total = { metal: 0, crystal: 0, deuterium: 0 };
  for (const p of server.runtime.world.planetsOf(userId)) {
    total.metal += p.resources.metal;
    total.crystal += p.resources.crystal;
    total.deuterium += p.resources.deuterium;
  }
  return total;
}

/** Records every message the runtime publishes after its commits (in place of the WebSocket hub). */
export function capturePublished(server: GameServer): OutboundEvent[] {
  const published: OutboundEvent[] = [];
  server.runtime.publisher({
    // Lazy per-tick views are rendered by the real gateway only; commits publish plain events.
    publish: (events) => {
      for (const e of events) if ('message' in e) published.push(e);
    },
    onlineUsers: () => [],
  });
  return published;
}

export async function call(
  server: GameServer,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  s?: Session,
  payload?: object,
) {
  return server.app.inject({ method, url, headers: s?.auth, ...(payload ? { payload } : {}) });
}

/** A second planet for the player (colonization itself is tested with the fleet). */
export async function addColony(server: GameServer, s: Session, position: number): Promise<number> {
  const planet = await server.runtime.execute(
    (ctx) =>
      createPlanet(ctx, requireUser(ctx, s.id), { galaxy: 2, system: 7, position }, 'Colony'),
    undefined,
  );
  return planet.id;
}
