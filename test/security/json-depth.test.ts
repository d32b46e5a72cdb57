// A body of deeply nested JSON is a clear 400 before anything parses it (issue 14): 10 000
// nested arrays used to overflow the stack of recursive code and answer 500.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonDepth, MAX_JSON_DEPTH } from '../../src/api/json-depth.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

test('jsonDepth counts arrays and objects, not brackets inside strings', () => {
  assert.equal(jsonDepth('1'), 0);
  assert.equal(jsonDepth('{"a":[1,{"b":[]}]}'), 4);
  assert.equal(jsonDepth('{"a":"[[[[{{{\\"]]"}'), 1);
  assert.equal(
    jsonDepth(nested(10_000), MAX_JSON_DEPTH),
    MAX_JSON_DEPTH + 1,
    'stops past the limit',
  );
});

test('a body nested deeper than the limit is 400 malformed_request on every kind of route', async (t) => {
  const { server } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const routes = [
    { url: '/auth/register', headers: {} },
    { url: '/simulate/battle', headers: {} },
    { url: `/player/${alice.id}/build`, headers: alice.auth },
  ];
  for (const { url, headers } of routes) {
    const res = await server.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: nested(10_000),
    });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.equal(res.json().code, 'malformed_request');
    assert.match(res.json().detail, /nests deeper than 32/);
  }
  // At the limit the body is read as before (and judged by the route).
  const atLimit = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/build`,
    headers: { ...alice.auth, 'content-type': 'application/json' },
    payload: nested(MAX_JSON_DEPTH),
  });
  assert.notEqual(atLimit.statusCode, 500);
  assert.notEqual(atLimit.json().code, 'malformed_request');
  // Prototype poisoning is still refused by Fastify's parser behind the limit.
  const poisoned = await server.app.inject({
    method: 'POST',
    url: '/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":"a","password":"b","__proto__":{"x":1}}',
  });
  assert.equal(poisoned.statusCode, 400, poisoned.body);
});
