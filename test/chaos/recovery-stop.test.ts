// A graceful stop that begins while the runtime is reloading the world after a failed commit
// (the database came back just as the operator stopped the server) must end stopped: the
// recovery may not set the state back to running, nor schedule another attempt afterwards.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { createRuleset } from '../../src/rules/index.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { GameRuntime } from '../../src/runtime/game.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { simSettings } from '../../src/server.js';
import type { Command } from '../../src/sim/context.js';
import { createRng } from '../../src/sim/random.js';
import type { World } from '../../src/sim/world.js';
import { buildWorld } from '../../src/store/mapping.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { RowBatch } from '../../src/store/tables.js';

const setMeta: Command<string, void> = (ctx, key) => {
  ctx.world.meta.set(key, 'x');
  ctx.changes.touch('meta', key);
};

test('a stop during the reload after a failed commit stays stopped', async (t) => {
  const real = openSqliteStore({ dataDir: null, synchronous: 'NORMAL' });
  await real.acquireOwnership();
  await real.migrate();
  t.after(() => real.close());
  let failCommits = true;
  let reloads = 0;
  let releaseReload!: () => void;
  const reloadGate = new Promise<void>((r) => (releaseReload = r));
  const store = Object.create(real) as typeof real;
  store.commit = async (batch: RowBatch) => {
    if (failCommits) throw new Error('connection refused (simulated)');
    await real.commit(batch);
  };
  const runtime = new GameRuntime({
    world: buildWorld(await real.loadAll()),
    store,
    rules: createRuleset('seed'),
    settings: simSettings(loadConfig({})),
    clock: new ManualClock(Date.UTC(2026, 0, 1)),
    rng: createRng(1),
    logger: pino({ level: 'silent' }),
    metrics: new Metrics(),
    events: {},
    scheduleAll: () => undefined,
    reload: async (): Promise<World> => {
      reloads++;
      await reloadGate;
      return buildWorld(await real.loadAll());
    },
    recoveryIntervalMs: 5,
  });

  await assert.rejects(runtime.execute(setMeta, 'lost'), { status: 503 });
  assert.equal(runtime.state, 'failed');
  failCommits = false;
  while (reloads === 0) await new Promise((r) => setTimeout(r, 2));
  // The database is back and the world is being reloaded; now the stop begins.
  const stopped = runtime.stop();
  releaseReload();
  await stopped;
  assert.equal(runtime.state, 'stopped');
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(runtime.state, 'stopped', 'no recovery after the stop');
  assert.equal(reloads, 1);
  await assert.rejects(runtime.execute(setMeta, 'late'), { status: 503 });
});
