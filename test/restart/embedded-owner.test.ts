// One owner of an embedded data folder, by an operating-system lock (issue 14): two servers as
// pid 1 in their own pid namespaces (two containers on one volume), or two servers started at
// once after a `kill -9`, never both acknowledge; a `--standby` waits on the lock and takes
// over, with every acknowledged write, the moment the owner dies.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test, type TestContext } from 'node:test';
import {
  freePort,
  getJson,
  postJson,
  spawnServer,
  storeEnv,
  waitReady,
  type ServerProcess,
} from '../helpers/process.js';

const PID_NAMESPACE = ['unshare', '--pid', '--fork', '--kill-child'];
const canUnshare =
  spawnSync(PID_NAMESPACE[0] as string, [...PID_NAMESPACE.slice(1), 'true']).status === 0;

async function register(base: string, username: string) {
  return postJson(base, '/auth/register', {
    username,
    email: `${username}@example.com`,
    password: 'password123',
  });
}

/** Of servers started together on one folder: the one that became ready, the others' exit codes. */
async function race(servers: ServerProcess[]) {
  const ready = await Promise.all(
    servers.map((s) =>
      waitReady(s).then(
        () => s,
        () => null,
      ),
    ),
  );
  const owners = ready.filter((s): s is ServerProcess => s !== null);
  const exits = await Promise.all(servers.filter((s) => !owners.includes(s)).map((s) => s.exited));
  return { owners, exits };
}

async function startTwo(t: TestContext, env: Record<string, string>, prefix: string[] = []) {
  return [
    spawnServer(t, env, await freePort(), { prefix }),
    spawnServer(t, env, await freePort(), { prefix }),
  ];
}

test(
  'two servers as pid 1 on one data folder: one owns it, the other exits 3',
  { skip: !canUnshare && 'needs unshare --pid (root)' },
  async (t) => {
    const env = await storeEnv(t, 'embedded');
    const { owners, exits } = await race(await startTwo(t, env, PID_NAMESPACE));
    assert.equal(owners.length, 1);
    assert.deepEqual(exits, [3]);
    const owner = owners[0] as ServerProcess;
    assert.equal((await register(owner.base, 'first')).status, 200);
    assert.equal((await getJson(owner.base, '/healthz')).status, 200);
  },
);

test('two servers started at once after a kill -9: one owner, nothing acknowledged lost', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const crashed = spawnServer(t, env, await freePort());
  await waitReady(crashed);
  const before = await register(crashed.base, 'before');
  assert.equal(before.status, 200);
  crashed.child.kill('SIGKILL');
  await crashed.exited;

  const { owners, exits } = await race(await startTwo(t, env));
  assert.equal(owners.length, 1);
  assert.deepEqual(exits, [3]);
  const owner = owners[0] as ServerProcess;
  const again = await register(owner.base, 'before');
  assert.equal(again.body.code, 'username_taken', 'the acknowledged registration survived');
});

test('a standby waits on the embedded store and takes over when the owner is killed', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const owner = spawnServer(t, env, await freePort());
  await waitReady(owner);
  const standby = spawnServer(t, env, await freePort(), { args: ['--standby'] });
  for (let i = 0; i < 100 && !standby.output().includes('waiting as standby'); i++)
    await new Promise((r) => setTimeout(r, 50));
  assert.match(standby.output(), /waiting as standby/);
  const made = await register(owner.base, 'acked');
  assert.equal(made.status, 200);
  owner.child.kill('SIGKILL');
  await waitReady(standby);
  assert.equal((await register(standby.base, 'acked')).body.code, 'username_taken');
});
