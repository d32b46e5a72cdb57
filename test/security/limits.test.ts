// Size and rate limits (issue 6): request bodies over BODY_LIMIT_BYTES, oversized headers, URLs
// and path parameters, malformed HTTP, WebSocket frames over the limit (whole or fragmented),
// message floods and many sockets for one user. Over real sockets where the limit lives in
// Node's HTTP parser, through inject where Fastify enforces it.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect as netConnect, type AddressInfo, type Socket as TcpSocket } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import WebSocket from 'ws';
import { WS_MAX_PAYLOAD_BYTES, WS_MAX_SOCKETS_PER_USER } from '../../src/api/ws.js';
import { registerPlayer, startTestServer, type TestServer } from '../helpers/server.js';

const BODY_LIMIT = 2048;

async function listening(t: TestContext, env: Record<string, string> = {}) {
  const ts = await startTestServer(t, { env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), ...env } });
  await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ts.server.app.server.address() as AddressInfo;
  return { ts, port };
}

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Writes raw bytes to the server and reads the first response (the connection may be cut). */
/** Sends a whole request and half-closes; resolves with the answer when the server closes. */
function raw(port: number, request: string | Buffer): Promise<RawResponse> {
  return exchange(port, (socket) => socket.end(request));
}

/** Sends a request in part and never the rest; resolves with what came back when it closes. */
function slow(port: number, partial: string): Promise<RawResponse> {
  return exchange(port, (socket) => socket.write(partial));
}

/** Opens a connection, lets `send` write, and parses what came back once it closed. */
function exchange(port: number, send: (socket: TcpSocket) => void): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (!match)
        return reject(new Error(`no HTTP response: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(match[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    send(socket);
  });
}

const get = (path: string, headers = '') =>
  `GET ${path} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;

function assertDetail(res: { status: number; body: string }, why: string): string {
  let parsed: { detail?: unknown; code?: unknown };
  try {
    parsed = JSON.parse(res.body) as { detail?: unknown; code?: unknown };
  } catch {
    assert.fail(`${why}: ${res.status} without a JSON body: ${JSON.stringify(res.body)}`);
  }
  assert.equal(typeof parsed.code, 'string', `${why}: ${res.body}`);
  // 422 lists the fields in FastAPI's shape; every other rejection is one text.
  if (res.status === 422) {
    const [first] = parsed.detail as Array<{ msg: string }>;
    assert.equal(typeof first?.msg, 'string', `${why}: ${res.body}`);
    return first!.msg;
  }
  assert.equal(typeof parsed.detail, 'string', `${why}: ${res.body}`);
  return parsed.detail as string;
}

describe('HTTP limits', () => {
  test('a body over BODY_LIMIT_BYTES is a 413 with {detail}, and nothing is created', async (t) => {
    const { ts, port } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const padding = 'x'.repeat(BODY_LIMIT);
    const cases = [
      {
        url: '/auth/register',
        payload: { username: 'mallory', email: 'm@example.com', password: padding },
      },
      {
        url: `/player/${alice.id}/build`,
        payload: { building_type: padding },
        headers: alice.auth,
      },
      { url: '/auth/login', payload: `username=mallory&password=${padding}`, form: true },
    ];
    for (const c of cases) {
      const res = await ts.server.app.inject({
        method: 'POST',
        url: c.url,
        headers: {
          ...c.headers,
          ...(c.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        payload: c.payload,
      });
      assert.equal(res.statusCode, 413, `${c.url}: ${res.body}`);
      assert.match(assertDetail({ status: 413, body: res.body }, c.url), /too large/i);
    }
    assert.equal(ts.server.runtime.world.users.size, 1, 'no account was created');
    // Just under the limit is parsed as usual.
    const under = await ts.server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'alice', password: 'y'.repeat(BODY_LIMIT - 60) },
    });
    assert.equal(under.statusCode, 401, under.body);

    // Over a real socket: a Content-Length over the limit is refused before the body is read,
    // and a chunked body is cut off once it passes the limit.
    const declared = await raw(
      port,
      'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100000000\r\nConnection: close\r\n\r\n{}',
    );
    assert.equal(declared.status, 413);
    assertDetail(declared, 'declared length');
    const chunk = `{"username":"${'z'.repeat(BODY_LIMIT)}"}`;
    const chunked = await raw(
      port,
      'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
    );
    assert.equal(chunked.status, 413);
    assertDetail(chunked, 'chunked');
  });

  test('oversized headers and URLs, long path parameters and malformed HTTP get {detail}', async (t) => {
    const { ts, port } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    // Node's parser caps the request line plus headers (16 KiB): 431 and the connection closes.
    const bigHeader = await raw(port, get('/', `X-Big: ${'a'.repeat(32 * 1024)}\r\n`));
    assert.equal(bigHeader.status, 431);
    assertDetail(bigHeader, 'header over 16 KiB');
    const bigUrl = await raw(port, get(`/highscore?x=${'a'.repeat(32 * 1024)}`));
    assert.equal(bigUrl.status, 431);
    assertDetail(bigUrl, 'URL over 16 KiB');
    const bigToken = await raw(
      port,
      get('/auth/me', `Authorization: Bearer ${'a'.repeat(20_000)}\r\n`),
    );
    assert.equal(bigToken.status, 431);
    assertDetail(bigToken, 'token over 16 KiB');

    // Under the cap, a long query string is validated like any other.
    const longQuery = await raw(port, get(`/highscore?category=${'a'.repeat(8000)}`));
    assert.equal(longQuery.status, 422);
    assertDetail(longQuery, 'long query');
    // A path parameter over the router's limit (100 characters): 414.
    const longParam = await raw(
      port,
      get(`/player/${'1'.repeat(200)}`, `Authorization: Bearer ${alice.token}\r\n`),
    );
    assert.equal(longParam.status, 414);
    assertDetail(longParam, 'long path parameter');
    for (const [why, request] of [
      ['garbage request line', 'NOT HTTP AT ALL\r\n\r\n'],
      ['bad header line', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'],
      [
        'two content lengths',
        'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      ],
      [
        'bad chunk size',
        'POST /auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      ],
      ['NUL in the path', 'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n'],
    ] as const) {
      const res = await raw(port, request);
      assert.equal(res.status, 400, `${why}: ${res.body}`);
      assertDetail(res, why);
    }
    // The server is unharmed.
    const ok = await raw(port, get('/healthz'));
    assert.equal(ok.status, 200);
  });
});

interface Socket {
  ws: WebSocket;
  messages: Array<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
}

function open(t: TestContext, port: number, token: string): Socket {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
  const messages: Array<Record<string, unknown>> = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m)) as Record<string, unknown>));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  t.after(() => ws.terminate());
  return { ws, messages, closed };
}

async function welcomed(s: Socket): Promise<void> {
  while (!s.messages.some((m) => m.type === 'welcome')) await once(s.ws, 'message');
}

async function wsServer(t: TestContext): Promise<{ ts: TestServer; port: number; token: string }> {
  const { ts, port } = await listening(t);
  const alice = await registerPlayer(ts.server, 'alice');
  return { ts, port, token: alice.token };
}

describe('WebSocket limits', () => {
  test('a frame at the limit is served; one byte over closes with 1009', async (t) => {
    const { port, token } = await wsServer(t);
    const s = open(t, port, token);
    await welcomed(s);
    s.ws.send('p'.repeat(WS_MAX_PAYLOAD_BYTES));
    while (s.messages.length < 2) await once(s.ws, 'message');
    assert.equal(s.messages[1]?.type, 'info');
    s.ws.send('p'.repeat(WS_MAX_PAYLOAD_BYTES + 1));
    assert.equal((await s.closed).code, 1009);
  });

  test('a message over the limit sent in small fragments also closes with 1009', async (t) => {
    const { port, token } = await wsServer(t);
    const s = open(t, port, token);
    await welcomed(s);
    const part = 'f'.repeat(1024);
    for (let i = 0; i < 8; i++) s.ws.send(part, { fin: i === 7 });
    assert.equal((await s.closed).code, 1009);
  });

  test('a text frame that is not UTF-8 closes with 1007; other sockets are unaffected', async (t) => {
    const { port, token } = await wsServer(t);
    const bystander = open(t, port, token);
    const s = open(t, port, token);
    await welcomed(bystander);
    await welcomed(s);
    s.ws.send(Buffer.from([0x70, 0xc0, 0xaf, 0xff]), { binary: false });
    assert.equal((await s.closed).code, 1007);
    bystander.ws.send('ping');
    while (!bystander.messages.some((m) => m.type === 'pong')) await once(bystander.ws, 'message');
  });

  test('floods of text or binary messages close with 1008 "Too many messages"', async (t) => {
    const { port, token } = await wsServer(t);
    for (const binary of [false, true]) {
      const s = open(t, port, token);
      await welcomed(s);
      for (let i = 0; i < 500; i++) s.ws.send(binary ? Buffer.from([i & 0xff]) : 'ping');
      const { code, reason } = await s.closed;
      assert.equal(code, 1008, `binary=${binary}`);
      assert.match(reason, /Too many messages/);
      assert.ok(s.messages.length < 60, `answered ${s.messages.length} of 500 before closing`);
    }
  });

  test(`one user gets at most ${WS_MAX_SOCKETS_PER_USER} sockets; others are refused with 1008`, async (t) => {
    const { ts, port, token } = await wsServer(t);
    const accepted: Socket[] = [];
    for (let i = 0; i < WS_MAX_SOCKETS_PER_USER; i++) {
      const s = open(t, port, token);
      await welcomed(s);
      accepted.push(s);
    }
    const extra = open(t, port, token);
    const { code, reason } = await extra.closed;
    assert.equal(code, 1008);
    assert.match(reason, /Too many connections/);
    assert.deepEqual(extra.messages, [], 'no welcome for a refused socket');
    assert.equal(ts.server.hub.connectionCount, WS_MAX_SOCKETS_PER_USER);
    // Another player is not affected, and a closed socket frees its slot.
    const bob = await registerPlayer(ts.server, 'bob');
    await welcomed(open(t, port, bob.token));
    accepted[0]?.ws.close();
    await accepted[0]?.closed;
    while (ts.server.hub.connectionCount > WS_MAX_SOCKETS_PER_USER)
      await new Promise((r) => setImmediate(r));
    await welcomed(open(t, port, token));
  });
});

test('a request not sent in time is 408 {detail} and its connection closes (slow body, slow headers)', async (t) => {
  const { port } = await listening(t, { REQUEST_TIMEOUT_SECONDS: '1' });
  const slowBody =
    'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    'Content-Length: 100\r\n\r\n{"user';
  const slowHeaders = 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ';
  for (const [why, partial] of [
    ['slow body', slowBody],
    ['slow headers', slowHeaders],
  ] as const) {
    const res = await slow(port, partial);
    assert.equal(res.status, 408, `${why}: ${res.body}`);
    assertDetail(res, why);
  }
});

test('past MAX_CONNECTIONS a new connection is closed on arrival; the open ones are served', async (t) => {
  const { port } = await listening(t, { MAX_CONNECTIONS: '2' });
  const open = async () => {
    const socket = netConnect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    t.after(() => socket.destroy());
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise((resolve) => socket.on('connect', resolve));
    return { socket, closed };
  };
  const held = [await open(), await open()];
  const refused = await open();
  const outcome = await Promise.race([
    refused.closed.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still open'), 2000)),
  ]);
  assert.equal(outcome, 'closed', 'the third connection is closed on arrival');
  held[0]?.socket.destroy();
  await held[0]?.closed;
  await new Promise((r) => setTimeout(r, 100));
  const served = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(5000),
  });
  assert.equal(served.status, 200);
  await served.arrayBuffer();
  for (const { socket } of [...held, refused]) socket.destroy();
});
