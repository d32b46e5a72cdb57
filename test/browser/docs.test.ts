// The API docs page renders in Chromium under its Content-Security-Policy (issue 14: security
// headers on pages and docs): no script or style refused, the operations listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

test('/docs renders Swagger UI with its CSP and no violation', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const { server } = await startTestServer(t);
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const res = await page.goto(`${address.replace('[::1]', '127.0.0.1')}/docs/`);
  const csp = String(res?.headers()['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
  const operations = await page.locator('.opblock-summary-path').count();
  assert.ok(operations > 40, `${operations} operations shown`);
  assert.deepEqual(problems, []);
});
