import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import WebSocket from 'ws';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

export type WsMessage = Record<string, unknown>;

export interface WsClient {
  ws: WebSocket;
  /** Every message received so far, parsed. */
  messages: WsMessage[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the next message not yet taken (in arrival order). */
  next(): Promise<WsMessage>;
  /** Resolves with the first message (received or to come) that satisfies `match`. */
  until(match: (m: WsMessage) => boolean, what?: string): Promise<WsMessage>;
}

const WAIT_MS = 5000;

/** A test server listening on an ephemeral port (the game loop stays off) and its ws URL. */
export async function listeningServer(
  t: TestContext,
  options: TestServerOptions = {},
): Promise<{ ts: TestServer; url: string }> {
  const ts = await startTestServer(t, options);
  await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ts.server.app.server.address() as AddressInfo;
  return { ts, url: `ws://127.0.0.1:${port}/ws` };
}

/** Opens a socket; it is terminated when the test ends. */
export function openSocket(
  t: TestContext,
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): WsClient {
  const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers });
  const messages: WsMessage[] = [];
  const waiters: Array<() => void> = [];
  let taken = 0;
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as WsMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  t.after(() => ws.terminate());
  const wait = (ready: () => WsMessage | undefined, what: string): Promise<WsMessage> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      const check = () => {
        const found = ready();
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else if (ws.readyState === ws.CLOSED) {
          clearTimeout(timer);
          reject(new Error(`socket closed while waiting for ${what}`));
        } else waiters.push(check);
      };
      check();
    });
  return {
    ws,
    messages,
    closed,
    next: () => wait(() => (taken < messages.length ? messages[taken++] : undefined), 'a message'),
    until: (match, what = 'a matching message') => wait(() => messages.find(match), what),
  };
}

/** Fails unless every value is greater than the one before (seqs, ids). */
export function assertIncreasing(values: number[], what: string): void {
  for (let i = 1; i < values.length; i++)
    assert.ok((values[i] as number) > (values[i - 1] as number), `${what}: ${values.join(', ')}`);
}
