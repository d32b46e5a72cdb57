import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from '@asyncapi/parser';
import { CLIENT_MESSAGES, SERVER_MESSAGES } from '../../src/api/contract/messages.js';
import { startTestServer } from '../helpers/server.js';

/** Diagnostics at or above this severity fail (0 error, 1 warning; 2 info and 3 hint pass). */
const WARNING = 1;

test('GET /asyncapi.json is a valid AsyncAPI 3.0 document of every /ws message', async (t) => {
  const { server } = await startTestServer(t);
  const res = await server.app.inject({ method: 'GET', url: '/asyncapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.asyncapi, '3.0.0');

  const { document, diagnostics } = await new Parser().parse(res.body);
  const problems = diagnostics.filter((d) => d.severity <= WARNING);
  assert.deepEqual(
    problems.map((d) => `${d.code} ${d.message} at ${d.path.join('.')}`),
    [],
    'the parser finds no error or warning',
  );
  assert.ok(document);

  const channel = document.channels().get('events');
  assert.equal(channel?.address(), '/ws');
  const sent = document
    .operations()
    .filterBySend()
    .flatMap((op) =>
      op
        .messages()
        .all()
        .map((m) => m.name()),
    );
  const received = document
    .operations()
    .filterByReceive()
    .flatMap((op) =>
      op
        .messages()
        .all()
        .map((m) => m.name()),
    );
  assert.deepEqual(
    [...sent].sort(),
    SERVER_MESSAGES.map((m) => m.type).sort(),
    'every server message',
  );
  assert.deepEqual([...received].sort(), CLIENT_MESSAGES.map((m) => m.type).sort());
  for (const type of ['welcome', 'replay_complete', 'notification', 'building_complete'])
    assert.ok(sent.includes(type), type);
  const query = doc.channels.events.bindings.ws.query.properties;
  assert.deepEqual(Object.keys(query).sort(), ['after', 'token']);
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), [
    'bearerSubprotocol',
    'tokenQuery',
  ]);
  // Every message payload is a closed object that names type, seq and server_time.
  for (const m of SERVER_MESSAGES) {
    const schema = doc.components.schemas[m.id];
    assert.equal(schema.additionalProperties, false, m.id);
    for (const field of ['type', 'seq', 'server_time']) assert.ok(schema.required.includes(field));
  }

  // The OpenAPI document links to it, and documents the route.
  const openapi = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.match(openapi.info.description, /\/asyncapi\.json/);
  assert.equal(openapi.paths['/asyncapi.json'].get.operationId, 'getAsyncApi');
});
