// The web client's weight budget (issue 12): all of its JS and CSS, every screen included,
// fits in 120 KB gzip. A size, not a timing: it fails when a heavy dependency slips in.
// `npm run bench -- web` measures what a page really loads and how fast it renders.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildWebClient } from '../helpers/web.js';

const BUDGET_BYTES = 120_000;

test('every screen of the web client together stays within 120 KB of JS + CSS, gzip', () => {
  const assets = join(buildWebClient(), 'assets');
  const files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
  assert.ok(
    files.some((name) => name.endsWith('.css')) && files.some((name) => name.endsWith('.js')),
  );
  const total = files.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
    0,
  );
  console.log(`web client: ${files.length} files, ${(total / 1024).toFixed(1)} KiB gzip`);
  assert.ok(total <= BUDGET_BYTES, `${total} bytes gzip > ${BUDGET_BYTES}`);
});
