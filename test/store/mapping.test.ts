import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeSet } from '../../src/sim/changes.js';
import type { Planet, QueueItem, User } from '../../src/sim/types.js';
import { World } from '../../src/sim/world.js';
import { buildWorld, toRowBatch } from '../../src/store/mapping.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

const T = Date.UTC(2026, 0, 1, 12);

function sampleWorld(): World {
  const w = new World();
  const user: User = {
    id: 3,
    username: 'Alice',
    email: 'alice@example.com',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
    createdAt: T,
    lastLogin: null,
    lastActive: T + 5,
    isActive: true,
    activePlanetId: 7,
    research: { energy: 2, laser: 1 },
  };
  const planet: Planet = {
    id: 7,
    ownerId: 3,
    name: 'Homeworld',
    galaxy: 1,
    system: 42,
    position: 8,
    size: 163,
    temperature: -12,
    resources: { metal: 512.75, crystal: 300, deuterium: 100.5 },
    lastUpdate: T + 1,
    buildings: { metal_mine: 3, solar_plant: 2 },
    ships: { light_fighter: 12 },
    defenses: { rocket_launcher: 4 },
    createdAt: T,
  };
  const item: QueueItem = {
    id: 11,
    queue: 'building',
    ownerId: 3,
    planetId: 7,
    type: 'metal_mine',
    action: 'build',
    level: 4,
    count: 1,
    doneCount: 0,
    cost: { metal: 90, crystal: 22.5, deuterium: 0 },
    queuedAt: T + 2,
    startTime: T + 2,
    unitMs: 60_000,
    completionTime: T + 60_002,
  };
  w.addUser(user);
  w.addPlanet(planet);
  w.addQueueItem(item);
  w.revokedTokens.set('jti-1', { userId: 3, expiresAt: T + 86_400_000 });
  w.seededCoordinates = [{ galaxy: 2, system: 3, position: 4 }];
  w.meta.set('universe_seeded_at', new Date(T).toISOString());
  return w;
}

function touchAll(w: World): ChangeSet {
  const c = new ChangeSet();
  for (const id of w.users.keys()) {
    c.touch('users', id);
    c.touch('research', id);
  }
  for (const id of w.planets.keys()) {
    c.touchUnits(id);
  }
  for (const id of w.queueItems.keys()) c.touch('queue_items', id);
  for (const jti of w.revokedTokens.keys()) c.touch('revoked_tokens', jti);
  for (const s of w.seededCoordinates)
    c.touch('seeded_coordinates', `${s.galaxy}:${s.system}:${s.position}`);
  for (const k of w.meta.keys()) c.touch('meta', k);
  return c;
}

async function memoryStore(): Promise<Store> {
  const store = openSqliteStore({ dataDir: null, synchronous: 'NORMAL' });
  await store.acquireOwnership();
  await store.migrate();
  return store;
}

const comparable = (w: World) => ({
  users: [...w.users.values()],
  planets: [...w.planets.values()],
  queue: [...w.queueItems.values()],
  revoked: [...w.revokedTokens.entries()],
  seeded: w.seededCoordinates,
  meta: [...w.meta.entries()],
});

test('a world written through toRowBatch and read back with buildWorld is equal', async (t) => {
  const store = await memoryStore();
  t.after(() => store.close());
  const world = sampleWorld();
  await store.commit(toRowBatch(touchAll(world), world));
  const loaded = buildWorld(await store.loadAll());
  assert.deepEqual(comparable(loaded), comparable(world));
  assert.equal(loaded.usersByName.get('alice')?.id, 3, 'indexes are rebuilt');
  assert.equal(loaded.planetAt({ galaxy: 1, system: 42, position: 8 })?.id, 7);
  assert.equal(loaded.buildQueue(7).length, 1);
  assert.equal(loaded.nextId('user'), 4, 'id sequences continue above the stored ids');
  assert.equal(loaded.nextId('planet'), 8);
  assert.equal(loaded.nextId('queueItem'), 12);
});

test('a unit or technology removed from its map is removed from the store too', async (t) => {
  const store = await memoryStore();
  t.after(() => store.close());
  const world = sampleWorld();
  await store.commit(toRowBatch(touchAll(world), world));

  const planet = world.planets.get(7) as Planet;
  delete planet.ships.light_fighter; // e.g. every fighter left on a mission
  delete planet.defenses.rocket_launcher;
  delete (world.users.get(3) as User).research.laser;
  const changes = new ChangeSet();
  changes.touchUnits(7);
  changes.touch('research', 3);
  await store.commit(toRowBatch(changes, world));

  const loaded = buildWorld(await store.loadAll());
  assert.deepEqual(loaded.planets.get(7)?.ships, {});
  assert.deepEqual(loaded.planets.get(7)?.defenses, {});
  assert.deepEqual(loaded.planets.get(7)?.buildings, { metal_mine: 3, solar_plant: 2 });
  assert.deepEqual(loaded.users.get(3)?.research, { energy: 2 });
});

test('removed entities are deleted; a key touched as number and as string is written once', async (t) => {
  const store = await memoryStore();
  t.after(() => store.close());
  const world = sampleWorld();
  await store.commit(toRowBatch(touchAll(world), world));

  world.removeQueueItem(world.queueItems.get(11) as QueueItem);
  world.revokedTokens.delete('jti-1');
  const changes = new ChangeSet();
  changes.remove('queue_items', 11);
  changes.touch('revoked_tokens', 'jti-1'); // touched, but gone from the world: deleted
  changes.touch('users', 3);
  changes.touch('users', '3');
  const batch = toRowBatch(changes, world);
  assert.equal(batch.upserts.get('users')?.length, 1);
  await store.commit(batch);
  const rows = await store.loadAll();
  assert.deepEqual(rows.queue_items, []);
  assert.deepEqual(rows.revoked_tokens, []);
  assert.equal(rows.users.length, 1);
});

test('sessions and a password change round-trip; a deleted session is deleted', async (t) => {
  const store = await memoryStore();
  t.after(() => store.close());
  const world = sampleWorld();
  const live = {
    id: 'b1c6f1c2-live',
    userId: 3,
    createdAt: T,
    lastUsedAt: T + 10,
    expiresAt: T + 30 * 86_400_000,
    generation: 4,
    revokedAt: null,
  };
  const revoked = { ...live, id: 'b1c6f1c2-revoked', generation: 1, revokedAt: T + 20 };
  world.sessions.add(live);
  world.sessions.add(revoked);
  world.sessions.setPasswordChangedAt(3, T + 20);
  const changes = touchAll(world);
  for (const s of world.sessions.values()) changes.touch('sessions', s.id);
  await store.commit(toRowBatch(changes, world));

  const loaded = buildWorld(await store.loadAll());
  assert.deepEqual(loaded.sessions.get(live.id), live);
  assert.deepEqual(loaded.sessions.get(revoked.id), revoked);
  assert.deepEqual(
    loaded.sessions
      .ofUser(3)
      .map((s) => s.id)
      .sort(),
    [live.id, revoked.id].sort(),
  );
  assert.equal(loaded.sessions.passwordChangedAt(3), T + 20);

  world.sessions.remove(revoked);
  const removal = new ChangeSet();
  removal.touch('sessions', revoked.id); // touched, but gone from the world: deleted
  await store.commit(toRowBatch(removal, world));
  assert.deepEqual(
    (await store.loadAll()).sessions.map((r) => r.id),
    [live.id],
  );
});
