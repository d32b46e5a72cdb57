import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import WebSocket from 'ws';
import type { GameServer } from '../../src/server.js';
import {
  registerPlayer,
  startTestServer,
  type Session,
  type TestServer,
  type TestServerOptions,
} from '../helpers/server.js';

export const ADMIN = { authorization: 'Bearer fleet-admin' };

export interface Coords {
  galaxy: number;
  system: number;
  position: number;
}

export interface Player extends Session {
  planetId: number;
  coords: Coords;
}

/** A test server with the admin API on (to hand out ships and resources quickly). */
export function startFleetServer(
  t: TestContext,
  options: TestServerOptions = {},
): Promise<TestServer> {
  return startTestServer(t, { ...options, env: { ADMIN_TOKEN: 'fleet-admin', ...options.env } });
}

export async function join(server: GameServer, name: string): Promise<Player> {
  const session = await registerPlayer(server, name);
  const snap = (
    await server.app.inject({ method: 'GET', url: `/player/${session.id}`, headers: session.auth })
  ).json();
  const { galaxy, system, planet: position } = snap.position;
  return { ...session, planetId: snap.planet.id, coords: { galaxy, system, position } };
}

/** Sets ships/resources/buildings of a planet through the operator API. */
export async function equip(server: GameServer, planetId: number, patch: object): Promise<void> {
  const res = await server.app.inject({
    method: 'PATCH',
    url: `/admin/planets/${planetId}`,
    headers: ADMIN,
    payload: patch,
  });
  assert.equal(res.statusCode, 200, res.body);
}

export async function call(
  server: GameServer,
  p: Session,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const res = await server.app.inject({
    method,
    url: `/player/${p.id}${url}`,
    headers: p.auth,
    payload,
  });
  return { status: res.statusCode, body: res.json() as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function dispatch(server: GameServer, p: Session, body: object) {
  return call(server, p, 'POST', '/fleet/dispatch', body);
}

/** Dispatches and expects success; returns the response body. */
export async function send(server: GameServer, p: Session, body: object) {
  const res = await dispatch(server, p, body);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

export async function fleetOf(server: GameServer, p: Session) {
  const res = await call(server, p, 'GET', '/fleet');
  assert.equal(res.status, 200);
  return res.body;
}

export async function snapshot(server: GameServer, p: Session) {
  const res = await call(server, p, 'GET', '');
  assert.equal(res.status, 200);
  return res.body;
}

/** Moves the manual clock to `iso` (or by `ms`), runs a tick and waits for its commit. */
export async function advanceTo(ts: TestServer, iso: string): Promise<void> {
  const target = Date.parse(iso);
  if (target > ts.clock.now()) ts.clock.advance(target - ts.clock.now());
  ts.server.runtime.tick();
  await ts.server.services.battles.idle();
  await ts.server.runtime.flush();
}

export async function advanceBy(ts: TestServer, ms: number): Promise<void> {
  ts.clock.advance(ms);
  ts.server.runtime.tick();
  await ts.server.services.battles.idle();
  await ts.server.runtime.flush();
}

export const target = (c: Coords) => ({ galaxy: c.galaxy, system: c.system, position: c.position });

/** Messages pushed to one player's WebSocket (the server must listen: see listenWs). */
export interface WsInbox {
  messages: Array<Record<string, unknown>>;
  /** Resolves with the first message of `type` (already received or the next one). */
  waitFor(type: string): Promise<Record<string, unknown>>;
}

/** Starts the HTTP server on an ephemeral port (the game loop stays off); returns the ws URL. */
export async function listenWs(ts: TestServer): Promise<string> {
  await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ts.server.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/ws`;
}

export async function connectWs(t: TestContext, url: string, p: Session): Promise<WsInbox> {
  const ws = new WebSocket(`${url}?token=${p.token}`);
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<{ type: string; resolve: (m: Record<string, unknown>) => void }> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(message);
    for (const w of waiters.filter((x) => x.type === message.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(message);
    }
  });
  ws.on('error', () => undefined);
  t.after(() => ws.terminate());
  await once(ws, 'open');
  const inbox: WsInbox = {
    messages,
    waitFor: (type) => {
      const seen = messages.find((m) => m.type === type);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
  };
  await inbox.waitFor('welcome');
  return inbox;
}

/** A free position in the same system as `c` (the test universe is nearly empty). */
export function freeSlotNear(server: GameServer, c: Coords, skip: readonly number[] = []): Coords {
  for (let position = 1; position <= 15; position++) {
    const slot = { galaxy: c.galaxy, system: c.system, position };
    if (!skip.includes(position) && !server.runtime.world.planetAt(slot)) return slot;
  }
  throw new Error('no free slot');
}

export async function planetsOf(server: GameServer, p: Session) {
  const res = await server.app.inject({
    method: 'GET',
    url: `/player/${p.id}/planets`,
    headers: p.auth,
  });
  assert.equal(res.statusCode, 200);
  return res.json().planets as Array<{
    id: number;
    position: number;
    galaxy: number;
    system: number;
    resources: Record<string, number>;
    name: string;
  }>;
}
