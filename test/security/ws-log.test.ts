// A client cannot fill the log (issue 14): frames the WebSocket protocol refuses (oversized,
// not UTF-8) close the socket with their code and write at most one warn line, without a
// stack, per interval; before, each one logged an error with its stack trace.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import WebSocket from 'ws';
import { registerPlayer, startTestServer } from '../helpers/server.js';

test('oversized frames close with 1009 and log one warn line without a stack', async (t) => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const ts = await startTestServer(t, { logger: pino({ level: 'info' }, sink) });
  const address = await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const alice = await registerPlayer(ts.server, 'alice');
  const url = `${address.replace('http', 'ws')}/ws?token=${alice.token}`;
  const codes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send('x'.repeat(5000));
    codes.push(await new Promise<number>((resolve) => ws.on('close', (code) => resolve(code))));
  }
  assert.deepEqual(new Set(codes), new Set([1009]));
  const loud = lines.filter((l) => Number(l.level) >= 40);
  assert.equal(loud.length, 1, JSON.stringify(loud));
  assert.equal(loud[0]?.level, 40);
  assert.equal(loud[0]?.ws_error, 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
  assert.doesNotMatch(JSON.stringify(loud[0]), /"stack"/);
});
