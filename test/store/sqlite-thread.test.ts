import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Row, RowBatch } from '../../src/store/tables.js';

const metaBatch = (key: string, value: string | null): RowBatch => ({
  upserts: new Map([['meta', [{ key, value } as Row]]]),
  deletes: new Map(),
});

test('the embedded writer thread takes batches back to back, in order, and fences after a failure', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ogame-thread-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore({ dataDir: dir, synchronous: 'FULL' });
  await store.acquireOwnership();
  await store.migrate();
  t.after(() => store.close());
  assert.equal(store.pipelined, true);

  // Handed over without waiting: the later write of a key wins, as in call order.
  await Promise.all([
    store.commit(metaBatch('a', '1')),
    store.commit(metaBatch('a', '2')),
    store.commit(metaBatch('b', '1')),
  ]);

  // The first batch breaks a constraint; the two sent behind it stood on its state (they
  // fail with it when written in its transaction, or are refused after it).
  const results = await Promise.allSettled([
    store.commit(metaBatch('bad', null)),
    store.commit(metaBatch('c', 'after-bad')),
    store.commit(metaBatch('a', 'after-bad')),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected', 'rejected'],
  );
  assert.match(String((results[0] as PromiseRejectedResult).reason), /null/i);

  // Batches sent once the failure was seen are written again.
  await store.commit(metaBatch('d', '1'));
  const meta = (await store.loadAll()).meta.sort((x, y) =>
    String(x.key).localeCompare(String(y.key)),
  );
  assert.deepEqual(meta, [
    { key: 'a', value: '2' },
    { key: 'b', value: '1' },
    { key: 'd', value: '1' },
  ]);
});
