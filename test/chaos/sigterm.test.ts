// SIGTERM while clients hammer the server: every request the server had when the signal came
// is answered (2xx, or an error with a {detail} body), the process exits 0, and every
// acknowledged command is in the store afterwards.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import { spawnServer, storeEnv, waitReady } from '../helpers/process.js';
import type { Outcome } from './lib/http.js';
import { checkCaughtUp, prepareWorld, reconcileOrFail, settled, sleep } from './lib/run.js';
import { chaosEnv } from './lib/setup.js';

interface Seen {
  sentAt: number;
  what: string;
  outcome: Outcome;
}

for (const kind of STORE_KINDS) {
  describe(`SIGTERM under load (${kind})`, () => {
    test('in-flight requests complete or get a clear error; nothing acknowledged is lost', async (t) => {
      const env = { ...(await storeEnv(t, kind)), ...chaosEnv() };
      const seen: Seen[] = [];
      const world = await prepareWorld(t, env, {
        players: 8,
        seed: 5,
        flightSeconds: [1, 6],
        onOutcome: (sentAt, what, outcome) => seen.push({ sentAt, what, outcome }),
      });
      try {
        const server = spawnServer(t, env, world.port);
        await waitReady(server);
        world.gate.open();
        await sleep(1500);
        const termAt = Date.now();
        server.child.kill('SIGTERM');
        // The clients keep sending while the server stops: nothing may be dropped on the floor.
        assert.equal(await server.exited, 0, server.output().slice(-4000));
        const exitedAt = Date.now();
        world.gate.close();
        await settled(world);

        const problems: string[] = [];
        let inFlight = 0;
        let completed = 0;
        for (const { sentAt, what, outcome } of seen) {
          const { status, body, error } = outcome;
          if (sentAt >= termAt && status === null) {
            // Sent after the signal: refused at the door (nothing listens any more) is fine,
            // also for a command retried (with its key) after its connection broke.
            if (!/ECONNREFUSED/.test(String(error)))
              problems.push(`${what} sent after SIGTERM: ${error}`);
            continue;
          }
          if (sentAt < termAt && sentAt + outcome.ms >= termAt) {
            inFlight++;
            if (status !== null && status < 300) completed++;
          }
          if (status === null) problems.push(`${what} sent before SIGTERM got no answer: ${error}`);
          else if (status >= 400 && typeof body?.detail !== 'string')
            problems.push(`${what} answered ${status} without a {detail}: ${JSON.stringify(body)}`);
          else if (status >= 500 && status !== 503)
            problems.push(`${what} answered ${status}: ${JSON.stringify(body)}`);
        }
        assert.deepEqual(problems.slice(0, 20), [], `${problems.length} requests handled badly`);
        t.diagnostic(
          `${seen.length} requests, ${inFlight} in flight at SIGTERM (${completed} completed), ` +
            `${seen.filter((s) => s.outcome.retriedAfter).length} retried after a broken connection, ` +
            `stopped ${exitedAt - termAt} ms after the signal`,
        );

        await reconcileOrFail(world, Date.now(), 'after SIGTERM', server);
        const again = spawnServer(t, env, world.port);
        await waitReady(again);
        assert.deepEqual(await checkCaughtUp(again.base, world.players), []);
      } finally {
        await world.stop();
      }
    });
  });
}
