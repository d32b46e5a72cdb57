import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chaosOptions, formatReport, runChaos } from './lib/run.js';

test('kill -9 under a mixed workload, embedded store: nothing acknowledged is lost', async (t) => {
  const report = await runChaos(t, 'embedded', chaosOptions(11));
  t.diagnostic(formatReport(report));
  for (const sample of report.errorSamples) t.diagnostic(`error: ${sample}`);
  for (const line of report.serverErrors) t.diagnostic(`server: ${line}`);
  assert.equal(report.errors, 0, 'no 5xx or dropped request while the server was up');
  assert.deepEqual(report.serverErrors, [], 'the server logged no error');
  assert.ok(report.kills >= 20);
});
