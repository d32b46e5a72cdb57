import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runBattle } from '../../../src/sim/battle/engine.js';
import { BattleWorker, runBattleInWorker } from '../../../src/sim/battle/worker-client.js';
import { battle, custom, ogame } from './helpers.js';

describe('battle worker thread', () => {
  const worker = new BattleWorker();
  after(() => worker.close());

  const input = battle(
    [ogame('light_fighter', 2000), ogame('cruiser', 200)],
    [ogame('rocket_launcher', 1000), ogame('heavy_laser', 100), ogame('gauss_cannon', 20)],
    2024,
  );

  it('returns exactly what the engine returns on the main thread', async () => {
    assert.deepEqual(await worker.run(input), runBattle(input));
  });

  it('serves concurrent requests in order', async () => {
    const seeds = [1, 2, 3, 4];
    const results = await Promise.all(seeds.map((seed) => worker.run({ ...input, seed })));
    assert.deepEqual(
      results.map((r) => r.seed),
      seeds,
    );
    assert.deepEqual(results[2], runBattle({ ...input, seed: 3 }));
  });

  it('keeps rapid fire given as a Map across the thread boundary', async () => {
    const mapInput = battle(
      [{ type: 's', count: 500, attack: 1, shield: 0, hull: 1, rapidFire: new Map([['t', 5]]) }],
      [custom('t', 1, { attack: 0, shield: 0, hull: 1e9 })],
      5,
      1,
    );
    assert.deepEqual(await worker.run(mapInput), runBattle(mapInput));
  });

  it('rejects with the engine error for invalid input and keeps working', async () => {
    await assert.rejects(
      worker.run(battle([custom('x', -1, { attack: 1, shield: 1, hull: 1 })], [])),
      { name: 'RangeError', message: /count must be an integer/ },
    );
    assert.equal((await worker.run(input)).seed, input.seed);
  });

  it('runs a one-shot battle and refuses work after close', async () => {
    assert.deepEqual(await runBattleInWorker(input), runBattle(input));
    const closed = new BattleWorker();
    await closed.close();
    await assert.rejects(closed.run(input), /closed/);
  });
});
