import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { ManualClock } from '../../src/runtime/clock.js';
import { runMaintenance } from '../../src/runtime/maintenance.js';
import type { CleanupReport } from '../../src/sim/commands/cleanup.js';
import { call, DAY } from '../helpers/game.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH, type TestServer } from '../helpers/server.js';

// Tokens outlive the simulated weeks (they expire after a day by default).
const ENV = {
  CLEANUP_DAYS: '30',
  CLEANUP_GRACE_DAYS: '7',
  ACCESS_TOKEN_EXPIRE_MINUTES: String(60 * 24 * 365),
};

/** A logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function markedInHighscore(ts: TestServer, userId: number): Promise<boolean | undefined> {
  const entries = (await call(ts.server, 'GET', '/highscore?limit=1000')).json().entries;
  return entries.find((e: { user_id: number }) => e.user_id === userId)?.marked_inactive;
}

test('the daily cleanup marks inactive players, then deletes them after the grace period', async (t) => {
  const ts = await startTestServer(t, { env: ENV });
  const { server, clock } = ts;
  const { logger, lines } = capturingLogger();
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const carol = await registerPlayer(server, 'carol');
  const bobPlanet = server.runtime.world.planetsOf(bob.id)[0]!;
  const offer = await call(server, 'POST', '/trade/offers', bob, {
    offered_resource: 'deuterium',
    offered_amount: 60,
    requested_resource: 'metal',
    requested_amount: 10,
  });
  assert.equal(offer.statusCode, 200);
  assert.equal(
    (await call(server, 'POST', `/player/${bob.id}/build`, bob, { building_type: 'metal_mine' }))
      .statusCode,
    200,
  );
  await call(server, 'POST', `/player/${bob.id}/build`, bob, { building_type: 'metal_mine' });

  const reports: CleanupReport[] = [];
  const day = async () => {
    clock.advance(DAY);
    await call(server, 'GET', `/player/${alice.id}`, alice); // alice plays every day
    server.runtime.tick();
    reports.push(
      await runMaintenance(server.runtime, server.services.ledger, logger, server.services.metrics),
    );
  };
  for (let d = 1; d < 30; d++) await day();
  assert.ok(
    reports.every((r) => r.ran && r.marked.length === 0),
    'nobody is marked before 30 days',
  );
  assert.equal(
    (await runMaintenance(server.runtime, server.services.ledger, logger, server.services.metrics))
      .ran,
    false,
    'once a day',
  );

  await day(); // day 30
  assert.deepEqual(
    reports.at(-1)!.marked.map((m) => m.username),
    ['bob', 'carol'],
  );
  assert.equal(await markedInHighscore(ts, bob.id), true);
  assert.equal(await markedInHighscore(ts, alice.id), false);
  const galaxy = (
    await call(server, 'GET', `/galaxy/${bobPlanet.galaxy}/${bobPlanet.system}`, alice)
  ).json();
  const owner = galaxy.positions[bobPlanet.position - 1].owner;
  assert.deepEqual([owner.name, owner.activity, owner.marked_inactive], ['bob', 'I', true]);
  // Bob is told (read from the store: a request of his would count as activity).
  await server.runtime.flush();
  const note = await server.store.read((db) =>
    db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', bob.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow(),
  );
  assert.deepEqual([note.type, note.priority], ['account_inactive', 'warning']);

  // Carol comes back during the grace period: her first action lifts the mark.
  await day();
  await call(server, 'GET', `/player/${carol.id}`, carol);
  assert.equal(await markedInHighscore(ts, carol.id), false);
  assert.equal(await markedInHighscore(ts, bob.id), true);
  for (let d = 0; d < 5; d++) await day();
  assert.deepEqual(reports.at(-1)!.deleted, []);
  const before = server.runtime.world.planets.size;
  await day(); // seven days after the mark
  const deleted = reports.at(-1)!.deleted;
  assert.equal(deleted.length, 1);
  assert.deepEqual(
    {
      user_id: deleted[0]!.user_id,
      username: deleted[0]!.username,
      offers: deleted[0]!.offers_cancelled,
    },
    { user_id: bob.id, username: 'bob', offers: 1 },
  );
  assert.deepEqual(
    deleted[0]!.planets.map((p) => p.id),
    [bobPlanet.id],
  );
  const logged = lines.find((l) => l.msg === 'inactive player deleted');
  assert.equal(logged?.user_id, bob.id);
  assert.equal(logged?.username, 'bob');

  // Everything of bob's is gone; his planet's slot is free; his offer was cancelled.
  assert.equal(server.runtime.world.planets.size, before - 1);
  assert.equal((await call(server, 'GET', `/player/${bob.id}`, bob)).statusCode, 401);
  const slot = (
    await call(server, 'GET', `/galaxy/${bobPlanet.galaxy}/${bobPlanet.system}`, alice)
  ).json();
  assert.equal(slot.positions[bobPlanet.position - 1].planet, null);
  const cancelled = (await call(server, 'GET', '/trade/offers?status=cancelled')).json().offers;
  assert.deepEqual(
    cancelled.map((o: { id: number }) => o.id),
    [offer.json().id],
  );
  assert.equal(
    [...server.runtime.world.queueItems.values()].filter((q) => q.ownerId === bob.id).length,
    0,
  );
  await server.runtime.flush();
  const rows = await server.store.read((db) =>
    db.selectFrom('notifications').select('id').where('user_id', '=', bob.id).execute(),
  );
  assert.deepEqual(rows, [], "bob's notifications are deleted");
  const again = await registerPlayer(server, 'bob');
  assert.notEqual(again.id, bob.id, 'the name is free again; ids are never reused');
});

for (const store of STORE_KINDS) {
  test(`inactivity marks and deletions survive restarts (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const first = await startTestServer(t, { store, clock, env: ENV });
    const bob = await registerPlayer(first.server, 'bob');
    clock.advance(30 * DAY);
    const marked = await first.server.runMaintenance();
    assert.deepEqual(
      marked.marked.map((m) => m.user_id),
      [bob.id],
    );
    await first.stop();

    const reopen = (previous: TestServer) =>
      startTestServer(t, {
        store,
        clock,
        env: ENV,
        dataDir: previous.dataDir ?? undefined,
        databaseUrl: previous.databaseUrl ?? undefined,
      });
    const second = await reopen(first);
    assert.equal(await markedInHighscore(second, bob.id), true);
    assert.equal(
      (await second.server.runMaintenance()).ran,
      false,
      'the last run time is persisted',
    );
    clock.advance(7 * DAY);
    const report = await second.server.runMaintenance();
    assert.deepEqual(
      report.deleted.map((d) => d.user_id),
      [bob.id],
    );
    await second.stop();

    const third = await reopen(second);
    assert.equal(third.server.runtime.world.users.has(bob.id), false);
    assert.equal(third.server.runtime.world.planetsOf(bob.id).length, 0);
    assert.equal(third.server.runtime.world.inactiveMarks.size, 0);
  });
}
