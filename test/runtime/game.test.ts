import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import pino from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { createRuleset } from '../../src/rules/index.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { GameRuntime, PIPELINE_EVENTS } from '../../src/runtime/game.js';
import { Metrics } from '../../src/runtime/metrics.js';
import { simSettings } from '../../src/server.js';
import type { Command, EventHandler } from '../../src/sim/context.js';
import { DomainError } from '../../src/sim/errors.js';
import { createRng } from '../../src/sim/random.js';
import type { Scheduler } from '../../src/sim/scheduler.js';
import type { World } from '../../src/sim/world.js';
import { buildWorld } from '../../src/store/mapping.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import type { RowBatch } from '../../src/store/tables.js';

const T0 = Date.UTC(2026, 0, 1, 12);
const EVENT_KIND = 'test.mark';

/** A store whose commits the test controls: it can hold them, count them and make them fail. */
interface StoreControl {
  commits: number;
  batches: RowBatch[];
  /** While set, every commit waits for this promise before writing. */
  gate: Promise<void> | null;
  failCommits: boolean;
  /** This many of the next commits fail (after the gate), the later ones go through. */
  failNext: number;
  /** The commit with this number (1 = the first) fails at once, before the gate. */
  failAtOnce: number;
  pingOk: boolean;
  /** What the store answers for `pipelined` (the in-memory store writes in call order). */
  pipelined: boolean;
}

function controlledStore(real: Store): { store: Store; ctl: StoreControl } {
  const ctl: StoreControl = {
    commits: 0,
    batches: [],
    gate: null,
    failCommits: false,
    failNext: 0,
    failAtOnce: 0,
    pingOk: true,
    pipelined: false,
  };
  const commit = async (batch: RowBatch) => {
    ctl.commits++;
    ctl.batches.push(batch);
    if (ctl.commits === ctl.failAtOnce) throw new Error('refused at once (simulated)');
    if (ctl.gate) await ctl.gate;
    if (ctl.failCommits) throw new Error('connection refused (simulated)');
    if (ctl.failNext > 0) {
      ctl.failNext--;
      throw new Error('constraint violated (simulated)');
    }
    await real.commit(batch);
  };
  const ping = async () => ctl.pingOk && (await real.ping());
  const store = new Proxy(real, {
    get(target, prop) {
      if (prop === 'commit') return commit;
      if (prop === 'ping') return ping;
      if (prop === 'pipelined') return ctl.pipelined;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { store, ctl };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets pending callbacks (setImmediate, promise jobs) run a few times. */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

async function until(cond: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Writes a meta row: the smallest persisted change a command can make. */
const setMeta: Command<{ key: string; value: string }, string> = (ctx, { key, value }) => {
  ctx.world.meta.set(key, value);
  ctx.changes.touch('meta', key);
  return value;
};
const readMeta: Command<string, string | undefined> = (ctx, key) => ctx.world.meta.get(key);

interface Harness {
  runtime: GameRuntime;
  clock: ManualClock;
  store: Store;
  ctl: StoreControl;
  fired: Array<{ ref: number; due: number; now: number }>;
  reloads: number;
}

async function harness(
  t: TestContext,
  opts: { scheduleAll?: (w: World, s: Scheduler) => void } = {},
): Promise<Harness> {
  const real = openSqliteStore({ dataDir: null, synchronous: 'NORMAL' });
  await real.acquireOwnership();
  await real.migrate();
  const { store, ctl } = controlledStore(real);
  const clock = new ManualClock(T0);
  const fired: Harness['fired'] = [];
  const mark: EventHandler = (ctx, ref, due) => {
    fired.push({ ref, due, now: ctx.now });
    ctx.world.meta.set(`event.${ref}`, String(due));
    ctx.changes.touch('meta', `event.${ref}`);
  };
  const h = { clock, store, ctl, fired, reloads: 0 } as Harness;
  h.runtime = new GameRuntime({
    world: buildWorld(await real.loadAll()),
    store,
    rules: createRuleset('seed'),
    settings: simSettings(loadConfig({})),
    clock,
    rng: createRng(1),
    logger: pino({ level: 'silent' }),
    metrics: new Metrics(),
    events: { [EVENT_KIND]: mark },
    scheduleAll: opts.scheduleAll ?? (() => undefined),
    reload: async () => {
      h.reloads++;
      return buildWorld(await real.loadAll());
    },
    recoveryIntervalMs: 10,
  });
  t.after(async () => {
    ctl.gate = null;
    ctl.failCommits = false;
    await h.runtime.stop();
    await real.close();
  });
  return h;
}

test('due events fire exactly once, in (due, seq) order, each at its own due time', async (t) => {
  const { runtime, clock, fired, store } = await harness(t);
  runtime.scheduler.schedule(T0 + 300, EVENT_KIND, 4);
  runtime.scheduler.schedule(T0 + 100, EVENT_KIND, 1);
  runtime.scheduler.schedule(T0 + 200, EVENT_KIND, 2);
  runtime.scheduler.schedule(T0 + 200, EVENT_KIND, 3); // tie: after ref 2 (scheduled earlier)
  runtime.scheduler.schedule(T0 + 5000, EVENT_KIND, 5);

  assert.equal(runtime.tick().processed, 0, 'nothing is due yet');
  clock.advance(99);
  assert.equal(runtime.tick().processed, 0, 'one millisecond early is not due');
  clock.advance(1);
  assert.equal(runtime.tick().processed, 1);
  clock.advance(400);
  assert.equal(runtime.tick().processed, 3);
  assert.equal(runtime.tick().processed, 0, 'a second tick at the same time fires nothing again');
  assert.deepEqual(
    fired.map((f) => f.ref),
    [1, 2, 3, 4],
  );
  for (const f of fired) assert.equal(f.now, f.due, 'an event sees its own due time as now');
  assert.equal(runtime.scheduler.size, 1);

  await runtime.flush();
  const meta = (await store.loadAll()).meta.map((r) => r.key).sort();
  assert.deepEqual(
    meta,
    ['event.1', 'event.2', 'event.3', 'event.4'],
    'tick changes are committed',
  );
});

test('a command first applies the events that fell due before it', async (t) => {
  const { runtime, clock, fired } = await harness(t);
  runtime.scheduler.schedule(T0 + 1000, EVENT_KIND, 7);
  clock.advance(60_000); // no tick ran in between (e.g. the loop is stopped)
  const value = await runtime.execute(readMeta, 'event.7');
  assert.equal(value, String(T0 + 1000));
  assert.equal(fired.length, 1);
  runtime.tick();
  assert.equal(fired.length, 1, 'the event is not fired a second time by the tick');
});

test('scheduleAll repopulates the queue from a loaded world', async (t) => {
  const { runtime, clock, fired } = await harness(t, {
    scheduleAll: (_w, s) => {
      s.schedule(T0 - 10, EVENT_KIND, 1); // fell due while the server was down
      s.schedule(T0 + 10, EVENT_KIND, 2);
    },
  });
  assert.equal(runtime.scheduler.size, 2);
  runtime.tick();
  assert.deepEqual(
    fired.map((f) => f.ref),
    [1],
  );
  clock.advance(10);
  runtime.tick();
  assert.deepEqual(
    fired.map((f) => f.ref),
    [1, 2],
  );
});

test('a failing event handler is logged and skipped; the loop keeps going', async (t) => {
  const { runtime, clock, fired } = await harness(t);
  // An event kind without a handler, then a normal one.
  runtime.scheduler.schedule(T0 + 1, 'test.unknown', 1);
  runtime.scheduler.schedule(T0 + 2, EVENT_KIND, 2);
  clock.advance(5);
  runtime.tick();
  assert.deepEqual(
    fired.map((f) => f.ref),
    [2],
  );
});

test('execute() resolves only after the store committed its changes', async (t) => {
  const { runtime, ctl, store } = await harness(t);
  const gate = deferred();
  ctl.gate = gate.promise;
  let resolved = false;
  const result = runtime.execute(setMeta, { key: 'k', value: 'v' }).then((v) => {
    resolved = true;
    return v;
  });
  await turns(10);
  assert.equal(ctl.commits, 1, 'the commit has started');
  assert.equal(resolved, false, 'no answer before the commit finishes');
  assert.equal((await store.loadAll()).meta.length, 0, 'nothing is in the store yet');
  ctl.gate = null;
  gate.resolve();
  assert.equal(await result, 'v');
  assert.deepEqual((await store.loadAll()).meta, [{ key: 'k', value: 'v' }]);
});

test('a read-only command waits for changes still committing', async (t) => {
  const { runtime, ctl } = await harness(t);
  const gate = deferred();
  ctl.gate = gate.promise;
  const write = runtime.execute(setMeta, { key: 'k', value: 'v' });
  await turns();
  let readDone = false;
  const read = runtime.execute(readMeta, 'k').then((v) => {
    readDone = true;
    return v;
  });
  await turns(10);
  assert.equal(readDone, false, 'the read does not answer with uncommitted state');
  ctl.gate = null;
  gate.resolve();
  assert.equal(await write, 'v');
  assert.equal(await read, 'v');
});

test('group commit: many concurrent commands share few commits', async (t) => {
  const { runtime, ctl, store } = await harness(t);
  const n = 100;
  const gate = deferred();
  ctl.gate = gate.promise;
  const first = runtime.execute(setMeta, { key: 'k0', value: '0' });
  await turns(); // the first commit is now in flight
  const rest = Array.from({ length: n - 1 }, (_, i) =>
    runtime.execute(setMeta, { key: `k${i + 1}`, value: String(i + 1) }),
  );
  ctl.gate = null;
  gate.resolve();
  await Promise.all([first, ...rest]);
  assert.ok(ctl.commits <= 2, `expected at most 2 commits for ${n} commands, got ${ctl.commits}`);
  assert.ok(ctl.commits < n);
  assert.equal((await store.loadAll()).meta.length, n);
});

test('a failing commit answers 503 to every waiter, stops commands, then recovers from the store', async (t) => {
  const h = await harness(t);
  const { runtime, ctl, store } = h;
  await runtime.execute(setMeta, { key: 'kept', value: 'committed' });
  const worldBefore = runtime.world;

  ctl.failCommits = true;
  ctl.pingOk = false;
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) => runtime.execute(setMeta, { key: `lost${i}`, value: 'x' })),
  );
  for (const r of results) {
    assert.equal(r.status, 'rejected');
    const err = (r as PromiseRejectedResult).reason as unknown;
    assert.ok(err instanceof DomainError, String(err));
    assert.equal(err.status, 503);
  }
  assert.equal(runtime.state, 'failed');
  assert.ok(runtime.failure?.includes('simulated'));

  // While failed, nothing is accepted (writes and reads alike) and nothing is fired.
  await assert.rejects(
    runtime.execute(setMeta, { key: 'during', value: 'x' }),
    (e: DomainError) => e.status === 503,
  );
  await assert.rejects(runtime.execute(readMeta, 'kept'), (e: DomainError) => e.status === 503);
  assert.throws(
    () => runtime.read((ctx) => ctx.world.meta.size),
    (e: DomainError) => e.status === 503,
  );
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(runtime.state, 'failed', 'no recovery while the store does not answer');
  assert.equal(h.reloads, 0);

  // The store answers again: the world is rebuilt from what the store holds.
  ctl.failCommits = false;
  ctl.pingOk = true;
  await until(() => runtime.state === 'running', 'recovery');
  assert.equal(h.reloads, 1);
  assert.notEqual(runtime.world, worldBefore, 'the world was rebuilt');
  assert.equal(runtime.world.meta.get('kept'), 'committed');
  for (let i = 0; i < 10; i++)
    assert.equal(runtime.world.meta.has(`lost${i}`), false, 'uncommitted state is gone');

  assert.equal(await runtime.execute(setMeta, { key: 'after', value: 'ok' }), 'ok');
  const keys = (await store.loadAll()).meta.map((r) => r.key).sort();
  assert.deepEqual(keys, ['after', 'kept']);
});

test('a read-only command that waited on a failed commit answers 503, not uncommitted state', async (t) => {
  const { runtime, ctl } = await harness(t);
  const gate = deferred();
  ctl.gate = gate.promise;
  ctl.failCommits = true;
  ctl.pingOk = false;
  const write = runtime.execute(setMeta, { key: 'k', value: 'uncommitted' });
  await turns();
  const read = runtime.execute(readMeta, 'k');
  gate.resolve();
  await assert.rejects(write, (e: DomainError) => e.status === 503);
  await assert.rejects(read, (e: DomainError) => e.status === 503);
});

test('stop() refuses new commands and lets in-flight commits finish', async (t) => {
  const { runtime, ctl, store } = await harness(t);
  const gate = deferred();
  ctl.gate = gate.promise;
  const inFlight = runtime.execute(setMeta, { key: 'k', value: 'v' });
  await turns();
  const stopped = runtime.stop();
  await assert.rejects(
    runtime.execute(setMeta, { key: 'late', value: 'x' }),
    (e: DomainError) => e.status === 503,
  );
  ctl.gate = null;
  gate.resolve();
  assert.equal(await inFlight, 'v');
  await stopped;
  assert.equal(runtime.state, 'stopped');
  assert.deepEqual((await store.loadAll()).meta, [{ key: 'k', value: 'v' }]);
});

test('lastSaveTs follows the injected clock', async (t) => {
  const { runtime, clock } = await harness(t);
  clock.set(T0 + 12_345);
  await runtime.execute(setMeta, { key: 'k', value: 'v' });
  assert.equal(runtime.lastSaveTs, T0 + 12_345);
});

test('with a pipelined store, a long run of due events is handed over in parts while it runs', async (t) => {
  const { runtime, clock, ctl, store } = await harness(t);
  ctl.pipelined = true;
  const events = PIPELINE_EVENTS * 4 + 50;
  for (let ref = 1; ref <= events; ref++) runtime.scheduler.schedule(T0 + ref, EVENT_KIND, ref);
  clock.advance(events + 1);
  assert.equal(runtime.tick().processed, events);
  // Four full parts went to the store during the tick; the rest goes with the next flush.
  assert.equal(ctl.commits, 4);
  assert.equal(ctl.batches[0]?.upserts.get('meta')?.length, PIPELINE_EVENTS);
  await runtime.flush();
  assert.equal(ctl.commits, 5);
  assert.equal((await store.loadAll()).meta.length, events);
});

/**
 * Two commands whose batches go to a pipelined store back to back: the second is handed over
 * while the first is still held at the gate, which opens once both are in.
 */
async function twoPipelinedCommands(t: TestContext, configure: (ctl: StoreControl) => void) {
  const { runtime, ctl } = await harness(t);
  ctl.pipelined = true;
  ctl.pingOk = false;
  const gate = deferred();
  ctl.gate = gate.promise;
  configure(ctl);
  const first = runtime.execute(setMeta, { key: 'first', value: 'x' });
  await turns();
  const second = runtime.execute(setMeta, { key: 'second', value: 'x' });
  await turns();
  assert.equal(ctl.commits, 2, 'both batches were handed over');
  gate.resolve();
  return { runtime, first, second };
}

test('with a pipelined store, a batch behind a failed one fails too and is not acknowledged', async (t) => {
  const { runtime, first, second } = await twoPipelinedCommands(t, (ctl) => (ctl.failNext = 1));
  await assert.rejects(first, (e: DomainError) => e.status === 503);
  // The store took the second batch (a real pipelined store refuses it), but it stood on the
  // failed one's state: the runtime does not acknowledge it.
  await assert.rejects(second, (e: DomainError) => e.status === 503);
  assert.equal(runtime.state, 'failed');
  assert.ok(runtime.failure?.includes('constraint'), 'the first failure is the one reported');
});

test('with a pipelined store, a batch that fails while an earlier one is still written is answered 503 after it', async (t) => {
  // The second commit fails at once while the first is still held: nothing may go unhandled.
  const { runtime, first, second } = await twoPipelinedCommands(t, (ctl) => (ctl.failAtOnce = 2));
  assert.equal(await first, 'x', 'the earlier batch was written and is acknowledged');
  await assert.rejects(second, (e: DomainError) => e.status === 503);
  assert.equal(runtime.state, 'failed');
});
