import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { installErrorHandlers } from '../../src/api/errors.js';
import { badRequest, conflict, DomainError } from '../../src/sim/errors.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

describe('meta routes', () => {
  test('GET / is the specification banner', async (t) => {
    const { server } = await startTestServer(t);
    const res = await server.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { message: 'Ogame-like Game Server', status: 'running' });
  });

  for (const store of ['memory', ...STORE_KINDS] as const) {
    test(`/healthz and /healthz/db report the ${store} store`, async (t) => {
      const { server, clock } = await startTestServer(t, { store });
      await registerPlayer(server, 'alice');
      const res = await server.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.statusCode, 200);
      const h = res.json();
      assert.equal(h.status, 'ok');
      assert.equal(h.worldLoaded, true);
      for (const key of [
        'running',
        'tick_rate',
        'queue_depth',
        'ticks',
        'last_tick_ms',
        'jitter_last_ms',
      ]) {
        assert.ok(key in h.loop, `loop.${key}`);
      }
      assert.equal(h.loop.tick_rate, 1);
      assert.ok(h.memory.current_bytes > 0 && h.memory.peak_bytes > 0);
      assert.equal(h.database.status, 'ok');
      assert.equal(h.server_time, new Date(clock.now()).toISOString());
      assert.equal(h.lastSaveTs, new Date(clock.now()).toISOString(), 'the registration committed');

      const db = await server.app.inject({ method: 'GET', url: '/healthz/db' });
      assert.equal(db.statusCode, 200);
      assert.equal(db.json().database.status, 'ok');
      assert.equal(db.json().database.enabled, true);
    });
  }

  test('/healthz/db answers 503 when the store does not answer', async (t) => {
    const { server } = await startTestServer(t);
    t.mock.method(server.store, 'ping', async () => false);
    const db = await server.app.inject({ method: 'GET', url: '/healthz/db' });
    assert.equal(db.statusCode, 503);
    assert.equal(db.json().database.status, 'fail');
  });

  test('/metrics is JSON by default and Prometheus text on request', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice');
    server.runtime.tick();
    const json = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(json.statusCode, 200);
    const m = json.json();
    assert.ok(m.process.started_at && typeof m.process.uptime_s === 'number');
    assert.ok(m.http.total_count >= 2);
    const route = m.http.by_route['POST:/auth/register'];
    assert.equal(route.count, 1);
    for (const key of ['total_ms', 'avg_ms', 'min_ms', 'max_ms', 'last_ms', 'p95_ms', 'p99_ms'])
      assert.ok(key in route, key);
    assert.deepEqual(route.status_counts, { '200': 1 });
    assert.ok('ticks' in m.game_loop && 'jitter' in m.game_loop);
    assert.ok(m.events['events.commit.count'] >= 1);

    for (const accept of ['text/plain', 'application/openmetrics-text; version=1.0.0']) {
      const text = await server.app.inject({ method: 'GET', url: '/metrics', headers: { accept } });
      assert.equal(text.statusCode, 200);
      assert.match(String(text.headers['content-type']), /text\/plain|openmetrics/);
      assert.match(text.body, /http_request_duration_seconds_bucket\{/);
      assert.match(text.body, /game_events_total\{event="events.commit.count"\}/);
    }
  });

  test('/openapi.json describes the routes and /docs serves the interactive page', async (t) => {
    const { server } = await startTestServer(t);
    const spec = await server.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(spec.statusCode, 200);
    const doc = spec.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/auth/register',
      '/auth/login',
      '/auth/me',
      '/auth/logout',
      '/healthz',
      '/metrics',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.components.securitySchemes.bearerAuth);
    const docs = await server.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });
});

describe('error handling', () => {
  test('unknown routes, malformed JSON and oversized bodies get {detail}', async (t) => {
    const { server } = await startTestServer(t, { env: { BODY_LIMIT_BYTES: '2048' } });
    const missing = await server.app.inject({ method: 'GET', url: '/nope?x=1' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), { detail: 'Not Found: GET /nope', code: 'route_not_found' });
    // The body is parsed before any guard runs, so no token is needed to get these answers.
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/player/1/build',
      headers: { 'content-type': 'application/json' },
      payload: '{"building_type": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(typeof malformed.json().detail, 'string');
    assert.equal(malformed.json().code, 'malformed_request');
    const big = await server.app.inject({
      method: 'POST',
      url: '/player/1/build',
      payload: { building_type: 'x'.repeat(4096) },
    });
    assert.equal(big.statusCode, 413);
    assert.equal(typeof big.json().detail, 'string');
    assert.equal(big.json().code, 'payload_too_large');
  });

  test('domain errors keep their status and text; 5xx details are hidden', async (t) => {
    const app = Fastify({ logger: false });
    t.after(() => app.close());
    installErrorHandlers(app);
    app.get('/bad', async () => {
      throw badRequest('unknown_type', 'Invalid research_type');
    });
    app.get('/conflict', async () => {
      throw conflict('position_occupied', 'Selected position is occupied', { position: 4 });
    });
    app.get('/busy', async () => {
      throw new DomainError('unavailable', 'shutting_down', 'The server is shutting down.');
    });
    app.get('/crash', async () => {
      throw new Error('secret connection string postgres://u:p@h/db');
    });
    app.get('/plain', async () => {
      throw Object.assign(new Error(''), { statusCode: 418 });
    });
    assert.deepEqual((await app.inject('/bad')).json(), {
      detail: 'Invalid research_type',
      code: 'unknown_type',
    });
    const c = await app.inject('/conflict');
    assert.equal(c.statusCode, 409);
    assert.deepEqual(c.json(), {
      detail: 'Selected position is occupied',
      code: 'position_occupied',
      position: 4,
    });
    assert.equal((await app.inject('/busy')).statusCode, 503);
    const crash = await app.inject('/crash');
    assert.equal(crash.statusCode, 500);
    assert.deepEqual(crash.json(), { detail: 'Internal Server Error', code: 'internal_error' });
    const plain = await app.inject('/plain');
    assert.equal(plain.statusCode, 418);
    assert.deepEqual(plain.json(), { detail: 'HTTP 418', code: 'malformed_request' });
  });
});
