import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { startTestServer } from '../helpers/server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A stand-in build: an index page and one hashed asset, as vite writes them. */
function fakeBuild(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ogame-web-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>client</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('the web client at /play', () => {
  test('a browser opening / is sent to /play/; API clients still get the banner', async (t) => {
    const { server } = await startTestServer(t, { env: { WEB_DIR: fakeBuild(t) } });
    const page = await server.app.inject({ url: '/', headers: { accept: BROWSER_ACCEPT } });
    assert.equal(page.statusCode, 302);
    assert.equal(page.headers.location, '/play/');
    for (const accept of [undefined, '*/*', 'application/json']) {
      const api = await server.app.inject({ url: '/', headers: accept ? { accept } : {} });
      assert.equal(api.statusCode, 200, String(accept));
      assert.deepEqual(api.json(), { message: 'Ogame-like Game Server', status: 'running' });
    }
  });

  test('every path under /play is the page; assets are cached for good, a missing one is a 404', async (t) => {
    const { server } = await startTestServer(t, { env: { WEB_DIR: fakeBuild(t) } });
    assert.equal((await server.app.inject({ url: '/play' })).headers.location, '/play/');
    for (const url of ['/play/', '/play/fleet', '/play/reports/battle/3?planet=2']) {
      const res = await server.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<title>client<\/title>/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    }
    const asset = await server.app.inject({ url: '/play/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.equal((await server.app.inject({ url: '/play/assets/gone-000.js' })).statusCode, 404);
  });

  test('before a build, /play says how to build it; WEB_DIR=off serves no client at all', async (t) => {
    const missing = join(tmpdir(), 'ogame-no-such-build');
    const { server } = await startTestServer(t, { env: { WEB_DIR: missing } });
    const res = await server.app.inject({ url: '/play/' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /npm run build/);

    const off = await startTestServer(t, { env: { WEB_DIR: 'off' } });
    assert.equal((await off.server.app.inject({ url: '/play/' })).statusCode, 404);
    const banner = await off.server.app.inject({ url: '/', headers: { accept: BROWSER_ACCEPT } });
    assert.equal(banner.statusCode, 200, 'no client: browsers get the banner too');
  });
});
