// Split brain on PostgreSQL (issue 14), through real processes: the owner reaches the database
// through a proxy that silently drops its lock session (the database ends it and frees the
// advisory lock; the owner is not told). A standby takes the lock and the owner epoch and
// starts serving, while clients keep registering on both servers. Every registration either
// server acknowledged must be in the store afterwards, with an id of its own: the old owner's
// commits after the takeover are refused by the fence (503), never acknowledged and lost.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_DATABASE_URL } from '../helpers/postgres.js';
import { freePort, postJson, spawnServer, storeEnv, waitReady } from '../helpers/process.js';
import { silentProxy } from '../helpers/tcp-proxy.js';

const PASSWORD = 'password123';

interface Acked {
  username: string;
  id: number;
  by: 'old' | 'new';
}

describe('split brain on PostgreSQL', { skip: !TEST_DATABASE_URL && 'needs DATABASE_URL' }, () => {
  test('a silently dropped lock session: one acknowledging owner at a time, nothing lost', async (t) => {
    const env = await storeEnv(t, 'postgres');
    const direct = new URL(env.DATABASE_URL as string);
    const proxy = await silentProxy(t, direct);
    const proxied = new URL(direct);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const settings = { LOG_LEVEL: 'warn', REQUIRE_START_CHOICE: 'true' };

    // The lock session is the owner's first connection (the lock is taken before anything else).
    const old = spawnServer(
      t,
      { ...env, ...settings, DATABASE_URL: proxied.toString() },
      await freePort(),
    );
    await waitReady(old);
    const standby = spawnServer(t, { ...env, ...settings }, await freePort(), {
      args: ['--standby'],
    });

    const acked: Acked[] = [];
    let refusedByOld = 0;
    let running = true;
    const register = async (base: string, by: Acked['by'], n: number) => {
      const username = `${by}${n}`;
      const res = await postJson(base, '/auth/register', {
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
      }).catch(() => null);
      if (res?.status === 200) acked.push({ username, id: Number(res.body.id), by });
      else if (by === 'old' && res !== null) refusedByOld++;
    };
    const clients = (async () => {
      let standbyReady = false;
      for (let n = 0; running; n++) {
        await register(old.base, 'old', n);
        if (!standbyReady)
          standbyReady = await fetch(`${standby.base}/healthz`).then(
            (r) => r.ok,
            () => false,
          );
        if (standbyReady) await register(standby.base, 'new', n);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, 1000));
    proxy.silence(0);
    await waitReady(standby);
    await new Promise((r) => setTimeout(r, 3000));
    running = false;
    await clients;

    const byOld = acked.filter((a) => a.by === 'old').length;
    const byNew = acked.filter((a) => a.by === 'new').length;
    assert.ok(
      byOld > 0 && byNew > 0,
      `acknowledged: ${byOld} by the old owner, ${byNew} by the new`,
    );
    assert.ok(refusedByOld > 0, 'the deposed owner refused commands once the standby took over');
    assert.equal(new Set(acked.map((a) => a.id)).size, acked.length, 'every id acknowledged once');
    // Every acknowledged account is in the store the new owner serves.
    const lost: string[] = [];
    for (const a of acked) {
      const login = await postJson(standby.base, '/auth/login', {
        username: a.username,
        password: PASSWORD,
      });
      if (login.status !== 200 || Number(login.body.user_id) !== a.id) lost.push(a.username);
    }
    assert.deepEqual(lost, [], `${lost.length} acknowledged registrations lost`);
    t.diagnostic(
      `${byOld} registrations acknowledged by the old owner, ${byNew} by the new one, ` +
        `${refusedByOld} refused by the deposed owner, 0 lost, ids unique`,
    );
  });
});
