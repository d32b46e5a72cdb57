import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestServer } from '../helpers/server.js';

const run = promisify(execFile);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
};

async function openapiDocument(t: import('node:test').TestContext) {
  const { server } = await startTestServer(t);
  await server.app.ready();
  return server.app.swagger() as { paths: Record<string, Record<string, Operation>> };
}

function operations(doc: Awaited<ReturnType<typeof openapiDocument>>) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );
}

test('every operation has a unique operationId and a typed success body', async (t) => {
  const ops = operations(await openapiDocument(t));
  assert.ok(ops.length >= 45, `${ops.length} operations`);
  const ids = ops.map(({ op }) => op.operationId);
  assert.deepEqual(
    ops.filter(({ op }) => !op.operationId).map(({ name }) => name),
    [],
    'without operationId',
  );
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  const untyped = ops.filter(({ op }) => {
    const ok = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
    return !ok.some(([, r]) => Object.values(r.content ?? {}).some((m) => m.schema));
  });
  assert.deepEqual(untyped.map(({ name }) => name), [], '2xx without a body schema');
});

test('the OpenAPI document passes swagger-parser and Redocly (recommended rules)', async (t) => {
  const doc = await openapiDocument(t);
  await SwaggerParser.validate(structuredClone(doc) as never);
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const lint = await run(
    process.execPath,
    ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--format', 'json'],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((err: { stdout?: string; stderr?: string }) => err);
  const report = JSON.parse(String(lint.stdout)) as {
    totals: { errors: number; warnings: number };
    problems: Array<{ ruleId: string; severity: string; message: string; location: unknown[] }>;
  };
  const errors = report.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId}: ${p.message} ${JSON.stringify(p.location)}`);
  assert.deepEqual(errors, [], `Redocly errors (${report.totals.errors})`);
});
