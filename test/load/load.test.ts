import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// The CI-sized run of the load-test scenario (scripts/load): 200 simulated players for about
// 30 s against a server of its own. The script exits non-zero on any error (5xx, 429, network
// failure, unexpected WebSocket close); the summary must also show real play happened.
const PLAYERS = process.env.LOAD_TEST_PLAYERS ?? '200';
const SECONDS = process.env.LOAD_TEST_SECONDS ?? '30';

test(
  `load test: ${PLAYERS} players for ${SECONDS} s without a single error`,
  { timeout: 180_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogame-load-test-'));
    try {
      const out = join(dir, 'summary.json');
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/load/run.ts',
          '--players',
          PLAYERS,
          '--duration',
          SECONDS,
          '--json',
          out,
        ],
        { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } },
      );
      assert.equal(result.status, 0, `load test failed:\n${result.stdout}\n${result.stderr}`);
      const summary = JSON.parse(readFileSync(out, 'utf8')) as {
        requests: number;
        errors: number;
        ws_messages: Record<string, number>;
        by_name: Array<{ name: string; ok: number }>;
      };
      assert.equal(summary.errors, 0);
      assert.ok(summary.requests > Number(PLAYERS) * 10, `only ${summary.requests} requests`);
      const ok = (name: string) => summary.by_name.find((r) => r.name === name)?.ok ?? 0;
      assert.equal(ok('register'), Number(PLAYERS));
      assert.ok(ok('player') > 0 && ok('build') > 0, 'players read and built');
      assert.equal(summary.ws_messages.welcome, Number(PLAYERS));
      assert.ok((summary.ws_messages.resource_update ?? 0) > 0, 'resource updates arrived');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
