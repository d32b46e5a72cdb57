// Security headers (issue 14): every answer carries helmet's headers; the API docs page gets a
// Content-Security-Policy of its own, the web client keeps its own, JSON answers stay readable
// from other origins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../helpers/server.js';

test('security headers on JSON answers, the docs page and errors', async (t) => {
  const { server } = await startTestServer(t);
  for (const url of ['/', '/healthz', '/docs/', '/no-such-route']) {
    const res = await server.app.inject({ method: 'GET', url });
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', url);
  }
  const api = await server.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(api.headers['content-security-policy'], undefined, 'JSON needs no CSP');
  const docs = await server.app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(String(docs.headers['content-security-policy']), /script-src 'self'/);
});
