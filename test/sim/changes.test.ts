import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeSet } from '../../src/sim/changes.js';

const note = (id: number, user: number) => ({ id, user_id: user, read_at: null as number | null });

test('deletes and updates apply to rows inserted earlier in the unit of work, not later', () => {
  const c = new ChangeSet();
  c.insert('notifications', note(1, 7));
  c.insert('notifications', note(2, 7));
  c.insert('notifications', note(3, 8));
  c.updateWhere('notifications', { id: 1 }, { read_at: 50 });
  c.deleteWhere('notifications', { id: 2 });
  c.deleteWhere('notifications', { id: 99 }); // not pending: only recorded for the store
  c.insert('notifications', note(4, 7));
  assert.deepEqual(c.inserts.get('notifications'), [
    { ...note(1, 7), read_at: 50 },
    note(3, 8),
    note(4, 7),
  ]);
  assert.deepEqual(
    c.deletes.map((d) => d.where),
    [{ id: 2 }, { id: 99 }],
  );
  assert.deepEqual(c.updates, [{ table: 'notifications', where: { id: 1 }, set: { read_at: 50 } }]);

  c.deleteWhere('notifications', { user_id: 7 });
  assert.deepEqual(c.inserts.get('notifications'), [note(3, 8)]);
  c.deleteWhere('notifications', { user_id: 8 });
  assert.equal(c.inserts.has('notifications'), false);
});

test('absorb: a later change set updates and deletes the earlier inserts, then appends its own', () => {
  const earlier = new ChangeSet();
  earlier.insert('notifications', note(1, 7));
  earlier.insert('notifications', note(2, 7));
  const later = new ChangeSet();
  later.updateWhere('notifications', { user_id: 7 }, { read_at: 9 });
  later.deleteWhere('notifications', { id: 2 });
  later.insert('notifications', note(3, 7));
  earlier.absorb(later);
  assert.deepEqual(earlier.inserts.get('notifications'), [
    { ...note(1, 7), read_at: 9 },
    note(3, 7),
  ]);
  assert.equal(earlier.updates.length, 1);
  assert.equal(earlier.deletes.length, 1);

  const onlyUpdates = new ChangeSet();
  assert.equal(onlyUpdates.isEmpty, true);
  onlyUpdates.updateWhere('notifications', { id: 1 }, { read_at: 1 });
  assert.equal(onlyUpdates.isEmpty, false);
});

test('deleteBelow: drops the earlier inserts below the bound, not later ones, and survives absorb', () => {
  const event = (seq: number) => ({ seq, user_id: 7, type: 't', message: '{}', created_at: seq });
  const c = new ChangeSet();
  assert.equal(c.isEmpty, true);
  c.insert('event_log', event(1));
  c.insert('event_log', event(5));
  c.deleteBelow('event_log', 'seq', 3);
  c.insert('event_log', event(2));
  assert.deepEqual(c.inserts.get('event_log'), [event(5), event(2)]);
  assert.deepEqual(c.ranges, [{ table: 'event_log', column: 'seq', below: 3 }]);

  const earlier = new ChangeSet();
  earlier.insert('event_log', event(4));
  earlier.insert('event_log', event(9));
  const later = new ChangeSet();
  later.deleteBelow('event_log', 'seq', 5);
  assert.equal(later.isEmpty, false);
  earlier.absorb(later);
  assert.deepEqual(earlier.inserts.get('event_log'), [event(9)]);
  assert.deepEqual(earlier.ranges, later.ranges);
});
