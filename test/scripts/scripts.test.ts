import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { STORE_KINDS } from '../helpers/postgres.js';
import { freePort, spawnServer, storeEnv, waitReady } from '../helpers/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** Runs a script of scripts/ with tsx; resolves with its exit code and output. */
async function script(name: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}`, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const tempDir = (t: TestContext) => {
  const dir = mkdtempSync(join(tmpdir(), 'ogame-scripts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

for (const kind of STORE_KINDS) {
  test(`db:migrate applies the migrations once on the ${kind} store, and refuses while a server owns it`, async (t) => {
    const env = await storeEnv(t, kind);
    const first = await script('migrate.ts', [], env);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /applied \d+ migration\(s\).*0001_initial/);
    const second = await script('migrate.ts', [], env);
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /up to date/);

    const server = spawnServer(t, env, await freePort());
    await waitReady(server);
    const locked = await script('migrate.ts', [], env);
    assert.equal(locked.code, 3, locked.out);
    assert.match(locked.out, /Another server/);
  });
}

test('db:migrate stops on a bad configuration with exit code 2', async () => {
  const bad = await script('migrate.ts', [], { ENABLE_DB: 'true', DATABASE_URL: 'mysql://x@y/z' });
  assert.equal(bad.code, 2, bad.out);
  assert.match(bad.out, /DATABASE_URL/);
});

test('openapi writes YAML and JSON documents without listening', async (t) => {
  const dir = tempDir(t);
  const yaml = await script('openapi.ts', ['--out', join(dir, 'openapi.yaml')]);
  assert.equal(yaml.code, 0, yaml.out);
  const text = readFileSync(join(dir, 'openapi.yaml'), 'utf8');
  assert.match(text, /^openapi: 3\.1\.0/m);
  assert.match(text, /\/auth\/register:/);

  const json = await script('openapi.ts', ['--format', 'json', '--out', join(dir, 'api.out')]);
  assert.equal(json.code, 0, json.out);
  const doc = JSON.parse(readFileSync(join(dir, 'api.out'), 'utf8'));
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/auth/login']);

  const byExtension = await script('openapi.ts', ['--out', join(dir, 'openapi.json')]);
  assert.equal(byExtension.code, 0, byExtension.out);
  assert.equal(JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')).openapi, '3.1.0');

  const wrong = await script('openapi.ts', ['--format', 'xml', '--out', join(dir, 'x')]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /--format must be json or yaml/);
});
