import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Planet, QueueItem } from '../../src/sim/types.js';
import { World } from '../../src/sim/world.js';

const planet = (
  id: number,
  ownerId: number,
  galaxy: number,
  system: number,
  position: number,
): Planet => ({
  id,
  ownerId,
  name: `p${id}`,
  galaxy,
  system,
  position,
  size: 100,
  temperature: 20,
  resources: { metal: 0, crystal: 0, deuterium: 0 },
  lastUpdate: 0,
  buildings: {},
  ships: {},
  defenses: {},
  createdAt: 0,
});

test("planetsOf lists an owner's planets by id, through additions and removals", () => {
  const w = new World();
  const a = planet(5, 1, 1, 1, 1);
  const b = planet(2, 1, 1, 1, 2);
  const c = planet(9, 1, 1, 1, 3);
  w.addPlanet(a);
  assert.deepEqual(w.planetsOf(1), [a]);
  w.addPlanet(b);
  w.addPlanet(c);
  w.addPlanet(b); // adding twice changes nothing
  assert.deepEqual(
    w.planetsOf(1).map((p) => p.id),
    [2, 5, 9],
  );
  w.removePlanet(a);
  assert.deepEqual(
    w.planetsOf(1).map((p) => p.id),
    [2, 9],
  );
  w.removePlanet(c);
  assert.deepEqual(w.planetsOf(1), [b]);
  w.removePlanet(b);
  assert.deepEqual(w.planetsOf(1), []);
  assert.equal(w.planetsByOwner.size, 0);
  assert.deepEqual(w.planetsOf(2), []);
});

test('planetAt finds planets at ordinary and out-of-range coordinates, without collisions', () => {
  const w = new World();
  const ordinary = planet(1, 1, 9, 499, 15);
  const huge = planet(2, 1, 600, 5000, 300);
  const near = planet(3, 1, 1, 0, 128);
  w.addPlanet(ordinary);
  w.addPlanet(huge);
  w.addPlanet(near);
  assert.equal(w.planetAt({ galaxy: 9, system: 499, position: 15 }), ordinary);
  assert.equal(w.planetAt({ galaxy: 600, system: 5000, position: 300 }), huge);
  assert.equal(w.planetAt({ galaxy: 1, system: 0, position: 128 }), near);
  assert.equal(w.planetAt({ galaxy: 1, system: 0.5, position: 0 }), undefined);
  assert.equal(w.planetAt({ galaxy: 9, system: 499, position: 14 }), undefined);
  w.removePlanet(huge);
  assert.equal(w.planetAt({ galaxy: 600, system: 5000, position: 300 }), undefined);
  assert.equal(w.planetsByCoord.size, 2);
});

test('queue lists stay in (start time, id) order', () => {
  const w = new World();
  const item = (id: number, startTime: number): QueueItem => ({
    id,
    queue: 'building',
    ownerId: 1,
    planetId: 1,
    type: 'metal_mine',
    action: 'build',
    level: 1,
    count: 1,
    doneCount: 0,
    cost: { metal: 0, crystal: 0, deuterium: 0 },
    queuedAt: 0,
    startTime,
    unitMs: 10,
    completionTime: startTime + 10,
  });
  w.addQueueItem(item(3, 20));
  w.addQueueItem(item(1, 10));
  w.addQueueItem(item(2, 20));
  assert.deepEqual(
    w.buildQueue(1).map((q) => q.id),
    [1, 2, 3],
  );
  w.removeQueueItem(item(2, 20));
  assert.deepEqual(
    w.buildQueue(1).map((q) => q.id),
    [1, 3],
  );
});
