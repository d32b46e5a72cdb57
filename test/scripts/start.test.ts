// `npm start` like a service (issue 14): the process npm starts is the server itself (exec), so
// a SIGTERM to `npm start` stops the server gracefully and leaves no orphan behind; the build
// runs when the sources changed and is skipped when they did not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freePort, spawnServer, storeEnv, waitReady } from '../helpers/process.js';

/** A first start may build the server and the web client (tens of seconds in CI). */
const BUILD_TIMEOUT_MS = 180_000;
const NPM_START = ['npm', 'start'];

test('SIGTERM to npm start stops the server gracefully, no orphan; an unchanged restart skips the build', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const port = await freePort();
  const first = spawnServer(t, env, port, { command: NPM_START });
  await waitReady(first, BUILD_TIMEOUT_MS);
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());
  assert.match(first.output(), /stopped cleanly/);
  // Nothing answers any more: no server was left running without its npm.
  await assert.rejects(fetch(`${first.base}/healthz`), /fetch failed/);

  const second = spawnServer(t, env, port, { command: NPM_START });
  await waitReady(second, BUILD_TIMEOUT_MS);
  assert.doesNotMatch(second.output(), /Building the server/, 'the sources did not change');
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0, second.output());
});
