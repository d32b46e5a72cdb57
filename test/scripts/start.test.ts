// `npm start` like a service (issue 14): the process npm starts is the server itself (exec), so
// a SIGTERM to `npm start` stops the server gracefully and leaves no orphan behind; the build
// runs when the sources changed and is skipped when they did not.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, storeEnv } from '../helpers/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function npmStart(t: TestContext, env: Record<string, string>, port: number) {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    assert.ok(i < 1200, `not ready in time:\n${output}`);
    if (child.exitCode !== null) assert.fail(`npm start exited:\n${output}`);
    const ready = await fetch(`${base}/healthz/ready`).catch(() => null);
    if (ready?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, exited, output: () => output };
}

test('SIGTERM to npm start stops the server gracefully, no orphan; an unchanged restart skips the build', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const port = await freePort();
  const first = await npmStart(t, env, port);
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());
  assert.match(first.output(), /stopped cleanly/);
  // Nothing answers any more: no server was left running without its npm.
  await assert.rejects(fetch(`${first.base}/healthz`), /fetch failed/);

  const second = await npmStart(t, env, port);
  assert.doesNotMatch(second.output(), /Building the server/, 'the sources did not change');
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0, second.output());
});
