// Bounded queues (issue 14): commands past MAX_QUEUED_COMMANDS waiting for the writer, and
// battle simulations past the simulator's queue, are refused at once with 503 `overloaded` and
// Retry-After, nothing applied; simulations run on a thread of their own, apart from real
// battles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIMULATION_QUEUE_LIMIT } from '../../src/runtime/battles.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

test('commands past MAX_QUEUED_COMMANDS are 503 overloaded with Retry-After, nothing applied', async (t) => {
  const { server } = await startTestServer(t, {
    store: 'embedded',
    env: { MAX_QUEUED_COMMANDS: '1', BUILD_QUEUE_LIMIT: '100' },
  });
  const alice = await registerPlayer(server, 'alice');
  const build = () =>
    server.app.inject({
      method: 'POST',
      url: `/player/${alice.id}/build`,
      headers: alice.auth,
      payload: { building_type: 'metal_mine' },
    });
  const replies = await Promise.all(Array.from({ length: 8 }, build));
  const refused = replies.filter((r) => r.statusCode === 503);
  const done = replies.filter((r) => r.statusCode === 200);
  assert.ok(refused.length > 0, replies.map((r) => r.statusCode).join(','));
  assert.equal(done.length + refused.length, replies.length);
  for (const r of refused) {
    assert.equal(r.json().code, 'overloaded');
    assert.equal(r.headers['retry-after'], '1');
  }
  const player = await server.app.inject({
    method: 'GET',
    url: `/player/${alice.id}`,
    headers: alice.auth,
  });
  assert.equal(player.json().build_queue.length, done.length, 'only acknowledged builds queued');
});

test('battle simulations queue on their own thread, at most SIMULATION_QUEUE_LIMIT at once', async (t) => {
  const { server } = await startTestServer(t, { env: { BATTLE_WORKER_UNITS: '1' } });
  const battle = {
    attacker: { ships: { light_fighter: 200 } },
    defender: { ships: { light_fighter: 200 } },
  };
  const simulate = () =>
    server.app.inject({ method: 'POST', url: '/simulate/battle', payload: battle });
  const replies = await Promise.all(Array.from({ length: SIMULATION_QUEUE_LIMIT + 6 }, simulate));
  const statuses = replies.map((r) => r.statusCode);
  assert.equal(statuses.filter((s) => s === 200).length, SIMULATION_QUEUE_LIMIT, statuses.join());
  const refused = replies.filter((r) => r.statusCode === 503);
  assert.equal(refused.length, 6);
  assert.equal(refused[0]?.json().code, 'overloaded');
  assert.equal(refused[0]?.headers['retry-after'], '1');
  // Once the queue drained, simulations are served again.
  assert.equal((await simulate()).statusCode, 200);
});
