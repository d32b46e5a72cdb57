import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../../src/sim/random.js';
import { Scheduler, type TimedEvent } from '../../src/sim/scheduler.js';

const drain = (s: Scheduler, now = Number.MAX_SAFE_INTEGER): TimedEvent[] => {
  const out: TimedEvent[] = [];
  for (let e = s.popDue(now); e; e = s.popDue(now)) out.push(e);
  return out;
};

test('events come out by due time, whatever the insertion order', () => {
  const s = new Scheduler();
  s.schedule(300, 'c', 3);
  s.schedule(100, 'a', 1);
  s.schedule(200, 'b', 2);
  assert.equal(s.size, 3);
  assert.equal(s.peek()?.ref, 1);
  assert.deepEqual(
    drain(s).map((e) => e.ref),
    [1, 2, 3],
  );
  assert.equal(s.size, 0);
  assert.equal(s.peek(), undefined);
});

test('ties on the due time keep the scheduling order (sequence)', () => {
  const s = new Scheduler();
  for (let ref = 1; ref <= 50; ref++) s.schedule(1000, 'tie', ref);
  s.schedule(999, 'early', 0);
  const out = drain(s);
  assert.deepEqual(
    out.map((e) => e.ref),
    Array.from({ length: 51 }, (_, i) => i),
  );
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1] as TimedEvent;
    const b = out[i] as TimedEvent;
    assert.ok(a.due < b.due || (a.due === b.due && a.seq < b.seq));
  }
});

test('popDue returns exactly the events due at or before now, and nothing else', () => {
  const s = new Scheduler();
  s.schedule(1000, 'x', 1);
  s.schedule(1001, 'x', 2);
  assert.equal(s.popDue(999), undefined);
  assert.equal(s.size, 2, 'a not-yet-due pop removes nothing');
  assert.equal(s.popDue(1000)?.ref, 1, 'due exactly now counts as due');
  assert.equal(s.popDue(1000), undefined);
  assert.equal(s.popDue(1001)?.ref, 2);
  assert.equal(s.popDue(Number.MAX_SAFE_INTEGER), undefined);
});

test('sequence numbers increase across schedules and survive clear()', () => {
  const s = new Scheduler();
  const a = s.schedule(5, 'k', 1);
  const b = s.schedule(5, 'k', 2);
  assert.ok(b.seq > a.seq);
  s.clear();
  assert.equal(s.size, 0);
  const c = s.schedule(1, 'k', 3);
  assert.ok(c.seq > b.seq);
  assert.deepEqual(drain(s), [c]);
});

test('events scheduled while draining are ordered with the rest', () => {
  const s = new Scheduler();
  s.schedule(10, 'k', 1);
  s.schedule(30, 'k', 3);
  const first = s.popDue(100);
  assert.equal(first?.ref, 1);
  s.schedule(20, 'k', 2); // e.g. a completion that starts the next queue item
  s.schedule(10, 'k', 0); // due in the past: comes out next
  assert.deepEqual(
    drain(s, 100).map((e) => e.ref),
    [0, 2, 3],
  );
});

test('10 000 random events (many ties) come out sorted by (due, seq), each exactly once', () => {
  const rng = createRng(20260101);
  const s = new Scheduler();
  const scheduled: TimedEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    // A small range of due times forces many ties.
    scheduled.push(s.schedule(Math.floor(rng.next() * 500), 'k', i));
  }
  const out: TimedEvent[] = [];
  // Drain in time steps, as the tick does.
  for (let now = 0; now < 500; now += 7) {
    for (let e = s.popDue(now); e; e = s.popDue(now)) {
      assert.ok(e.due <= now);
      out.push(e);
    }
    const next = s.peek();
    if (next) assert.ok(next.due > now, 'nothing due is left behind');
  }
  out.push(...drain(s));
  assert.equal(out.length, 10_000);
  const expected = [...scheduled].sort((a, b) => a.due - b.due || a.seq - b.seq);
  assert.deepEqual(
    out.map((e) => e.seq),
    expected.map((e) => e.seq),
  );
  assert.equal(new Set(out.map((e) => e.ref)).size, 10_000);
});

test('random interleaving of schedule and pop matches a sorted reference model', () => {
  const rng = createRng(7);
  const s = new Scheduler();
  let model: TimedEvent[] = [];
  let now = 0;
  for (let step = 0; step < 20_000; step++) {
    if (rng.next() < 0.6) {
      model.push(s.schedule(now + Math.floor(rng.next() * 100), 'k', step));
    } else {
      now += Math.floor(rng.next() * 10);
      model.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const dueInModel = model.filter((e) => e.due <= now);
      model = model.filter((e) => e.due > now);
      const popped: TimedEvent[] = [];
      for (let e = s.popDue(now); e; e = s.popDue(now)) popped.push(e);
      assert.deepEqual(popped, dueInModel);
    }
    assert.equal(s.size, model.length);
  }
});
