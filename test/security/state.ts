// A digest of everything a request could change: every row of every table (after the pending
// group commit), the operator's view of each player (resources settled at the clock's now) and
// the sizes of the in-memory indexes. Equal digests before and after a rejected request mean
// the request changed nothing, in memory or in the store.

import assert from 'node:assert/strict';
import type { GameServer } from '../../src/server.js';
import type { TableName } from '../../src/sim/changes.js';
import { TABLES, type RowBatch } from '../../src/store/tables.js';

export interface Digest {
  text: string;
}

export async function stateDigest(server: GameServer, admin: Record<string, string>) {
  const { runtime, store } = server;
  await runtime.flush();
  const tables: Record<string, unknown> = {};
  for (const table of Object.keys(TABLES) as TableName[]) {
    tables[table] = await store.read((db) => db.selectFrom(table).selectAll().execute());
  }
  const world = runtime.world;
  const players: unknown[] = [];
  for (const id of [...world.users.keys()].sort((a, b) => a - b)) {
    const res = await server.app.inject({
      method: 'GET',
      url: `/admin/players/${id}`,
      headers: admin,
    });
    assert.equal(res.statusCode, 200, `digest: admin view of ${id}: ${res.body}`);
    players.push(res.json());
  }
  const counts = {
    users: world.users.size,
    usersByName: world.usersByName.size,
    usersByEmail: world.usersByEmail.size,
    planets: world.planets.size,
    planetsByCoord: world.planetsByCoord.size,
    queueItems: world.queueItems.size,
    revokedTokens: world.revokedTokens.size,
    debrisFields: world.debrisFields.size,
    fleets: world.fleets.size,
    offers: world.market.page(1_000_000, 0).length,
    inactiveMarks: world.inactiveMarks.size,
    meta: [...world.meta.entries()],
    scheduled: runtime.scheduler.size,
    unread: [...world.users.keys()].map((id) => world.inboxes.unreadCount(id)),
  };
  return { text: JSON.stringify({ counts, players, tables }) };
}

/** The first differing region of two digests, for a readable failure message. */
export function diffDigests(before: Digest, after: Digest): string {
  const a = before.text;
  const b = after.text;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 200);
  return `before: …${a.slice(from, i + 200)}…\nafter:  …${b.slice(from, i + 200)}…`;
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isAmount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * What no request may ever leave behind, accepted or not: negative, fractional, NaN or infinite
 * amounts and counts, unit keys that are not units of their kind (`__proto__`, `constructor`),
 * offers of nothing. Returns the violations (empty when the world is sound).
 */
export function worldViolations(server: GameServer): string[] {
  const { world, rules } = server.runtime;
  const out: string[] = [];
  const units = (what: string, map: Record<string, number>, category: string, min = 0) => {
    for (const [key, value] of Object.entries(map)) {
      if (rules.unit(key)?.category !== category) out.push(`${what}: unknown ${category} ${key}`);
      if (!isCount(value) || value < min) out.push(`${what}.${key} = ${value}`);
    }
  };
  const resources = (what: string, r: object) => {
    for (const [key, value] of Object.entries(r))
      if (!isAmount(value)) out.push(`${what}.${key} = ${value}`);
  };
  for (const p of world.planets.values()) {
    resources(`planet ${p.id} resources`, p.resources);
    units(`planet ${p.id} buildings`, p.buildings, 'building');
    units(`planet ${p.id} ships`, p.ships, 'ship');
    units(`planet ${p.id} defenses`, p.defenses, 'defense');
  }
  for (const u of world.users.values()) units(`user ${u.id} research`, u.research, 'research');
  for (const q of world.queueItems.values()) {
    resources(`queue item ${q.id} cost`, q.cost);
    if (!isCount(q.count) || q.count < 1 || !isCount(q.doneCount) || !isCount(q.level))
      out.push(`queue item ${q.id}: count ${q.count}, done ${q.doneCount}, level ${q.level}`);
    if (![q.startTime, q.completionTime, q.unitMs].every(Number.isFinite))
      out.push(`queue item ${q.id}: times ${q.startTime} ${q.completionTime} ${q.unitMs}`);
  }
  for (const f of world.fleets.values()) {
    units(`fleet ${f.id} ships`, f.ships, 'ship', 1);
    resources(`fleet ${f.id} cargo`, f.cargo);
    if (!(f.speed > 0 && f.speed <= 1)) out.push(`fleet ${f.id}: speed ${f.speed}`);
    if (![f.departureTime, f.arrivalTime, f.distance, f.fuel].every(Number.isFinite))
      out.push(`fleet ${f.id}: times or fuel not finite`);
  }
  for (const o of world.market.open.values()) {
    if (!isAmount(o.offeredAmount) || o.offeredAmount <= 0) out.push(`offer ${o.id} offered`);
    if (!isAmount(o.requestedAmount) || o.requestedAmount <= 0) out.push(`offer ${o.id} requested`);
  }
  return out;
}

const mapsAsArrays = (_key: string, value: unknown) =>
  value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value;

/**
 * The whole in-memory world as text (maps and sets as arrays, private id sequences included):
 * cheap enough to take around every fuzzed request (about half a millisecond).
 */
export function worldDigest(server: GameServer): string {
  return JSON.stringify(server.runtime.world, mapsAsArrays);
}

/**
 * Counts the batches the runtime commits to the store, with the tables each one touched. A
 * rejected request must commit nothing: together with worldDigest this is the fast form of
 * stateDigest, for the thousands of fuzzed requests.
 */
export function watchCommits(server: GameServer): { count(): number; last(): string } {
  const store = server.store;
  const original = store.commit.bind(store);
  const seen: string[] = [];
  store.commit = async (batch: RowBatch) => {
    const tables = [...batch.upserts.keys(), ...batch.deletes.keys()];
    for (const u of batch.updates ?? []) tables.push(u.table);
    seen.push(tables.join(','));
    return original(batch);
  };
  return { count: () => seen.length, last: () => seen.at(-1) ?? '' };
}
