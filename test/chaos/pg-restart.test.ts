// PostgreSQL stopped (cleanly, then as a crash) while clients hammer the server, on a throwaway
// cluster of this test's own: commands are answered 503 with a clear detail while the database
// is down, the server recovers by itself once it is back (reloading the world from the store),
// and nothing acknowledged is lost.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.js';
import { openStore } from '../../src/store/index.js';
import { spawnServer, waitReady } from '../helpers/process.js';
import { http, type Outcome } from './lib/http.js';
import { createCluster, postgresBinDir } from './lib/pg-cluster.js';
import { checkCaughtUp, prepareWorld, reconcileOrFail, settled, sleep } from './lib/run.js';
import { chaosEnv } from './lib/setup.js';

const BIN = postgresBinDir();
const RECOVERY_LIMIT_MS = 20_000;

interface Seen {
  sentAt: number;
  what: string;
  outcome: Outcome;
}

test(
  'PostgreSQL restarted under load: 503 with a detail while down, recovery on its own, nothing acknowledged lost',
  {
    skip: BIN
      ? false
      : 'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql',
  },
  async (t) => {
    const cluster = await createCluster(BIN as string);
    t.after(() => cluster.destroy());
    const env = { ENABLE_DB: 'true', DATABASE_URL: cluster.url, ...chaosEnv() };
    const seen: Seen[] = [];
    const world = await prepareWorld(t, env, {
      players: 6,
      seed: 17,
      flightSeconds: [1, 6],
      onOutcome: (sentAt, what, outcome) => seen.push({ sentAt, what, outcome }),
    });
    try {
      const server = spawnServer(t, env, world.port);
      await waitReady(server);
      world.gate.open();
      const outages: Array<{ mode: string; down: number; up: number; recovered: number }> = [];
      for (const mode of ['fast', 'immediate'] as const) {
        await sleep(1500);
        const down = Date.now();
        cluster.stop(mode);
        await sleep(1000);
        const health = await http(server.base, 'GET', '/healthz/db');
        assert.equal(
          health.status,
          503,
          `GET /healthz/db while the database is down: ${health.status ?? health.error}\n${server.output().slice(-3000)}`,
        );
        assert.match(String(health.body?.detail), /database/i, 'GET /healthz/db says why');
        await sleep(1500);
        const up = Date.now();
        cluster.start();
        // Recovered: a command sent after the restart is acknowledged.
        let recovered = 0;
        while (!recovered && Date.now() - up < RECOVERY_LIMIT_MS) {
          const ok = seen.find(
            (s) => s.sentAt > up && !s.what.startsWith('GET') && s.outcome.status === 200,
          );
          if (ok) recovered = ok.sentAt + ok.outcome.ms;
          else await sleep(100);
        }
        assert.ok(
          recovered,
          `no command acknowledged within ${RECOVERY_LIMIT_MS} ms of the database's return:\n${server.output().slice(-3000)}`,
        );
        outages.push({ mode, down, up, recovered });
      }
      await sleep(1000);
      world.gate.close();
      await settled(world);
      assert.equal(server.child.exitCode, null, 'the server kept running through the outages');

      const problems: string[] = [];
      let unavailable = 0;
      for (const { sentAt, what, outcome } of seen) {
        const { status, body, error } = outcome;
        if (status === null) problems.push(`${what}: no answer (${error})`);
        else if (status >= 500 && status !== 503)
          problems.push(`${what}: ${status} ${JSON.stringify(body)}`);
        else if (status >= 400 && (typeof body?.detail !== 'string' || body.detail.length === 0))
          problems.push(`${what}: ${status} without a {detail}: ${JSON.stringify(body)}`);
        if (status === 503) {
          unavailable++;
          const during = outages.some(
            (o) => sentAt + outcome.ms >= o.down && sentAt <= o.recovered,
          );
          if (!during) problems.push(`${what}: 503 outside an outage: ${JSON.stringify(body)}`);
          if (!/database/i.test(String(body?.detail)))
            problems.push(`${what}: 503 detail does not say the database is down: ${body?.detail}`);
        }
      }
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} answers not as expected`);
      assert.ok(unavailable > 0, 'commands during the outages were answered 503');
      t.diagnostic(
        `${seen.length} requests, ${unavailable} answered 503 during the outages; recovered ` +
          outages.map((o) => `${o.recovered - o.up} ms after the ${o.mode} restart`).join(', '),
      );

      // Kill the server and check the store holds everything acknowledged.
      server.child.kill('SIGKILL');
      const killedAt = Date.now();
      await server.exited;
      await reconcileOrFail(world, killedAt, 'after the database outages', server);
      const again = spawnServer(t, env, world.port);
      await waitReady(again);
      assert.deepEqual(await checkCaughtUp(again.base, world.players), []);
    } finally {
      await world.stop();
    }
  },
);

test(
  'a query in flight when PostgreSQL goes away fails as 503; the process does not crash',
  {
    skip: BIN
      ? false
      : 'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql',
  },
  async (t) => {
    const cluster = await createCluster(BIN as string);
    t.after(() => cluster.destroy());
    const store = openStore(loadConfig({ ENABLE_DB: 'true', DATABASE_URL: cluster.url }));
    t.after(() => store.close());
    await store.acquireOwnership();
    // The query holds a pooled client; the cluster stops under it.
    const slow = store.read((db) => sql`select pg_sleep(10)`.execute(db));
    await sleep(300);
    cluster.stop('fast');
    await assert.rejects(slow, { status: 503 });
    cluster.start();
    assert.equal(await store.ping(), true);
  },
);
