import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_DATABASE_URL } from '../helpers/postgres.js';
import { chaosOptions, formatReport, runChaos } from './lib/run.js';

test(
  'kill -9 under a mixed workload, PostgreSQL: nothing acknowledged is lost',
  { skip: TEST_DATABASE_URL ? false : 'DATABASE_URL is not set' },
  async (t) => {
    const report = await runChaos(t, 'postgres', chaosOptions(23));
    t.diagnostic(formatReport(report));
    for (const sample of report.errorSamples) t.diagnostic(`error: ${sample}`);
    for (const line of report.serverErrors) t.diagnostic(`server: ${line}`);
    assert.equal(report.errors, 0, 'no 5xx or dropped request while the server was up');
    assert.deepEqual(report.serverErrors, [], 'the server logged no error');
    assert.ok(report.kills >= 20);
  },
);
