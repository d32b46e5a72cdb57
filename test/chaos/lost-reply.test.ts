// Lost replies (issue 14): a proxy between client and server delivers every command but drops
// the answer of every other one after the server committed it, and the client sends each
// command again until it hears back, the last time across a `kill -9` of the server. Without
// keys every retry is a second market offer; with Idempotency-Keys every command happens once
// and the retry gets the first reply, also after the crash.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { describe, test, type TestContext } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import { freePort, spawnServer, storeEnv, waitReady } from '../helpers/process.js';
import { chaosEnv, setupPlayers, type Player } from './lib/setup.js';

const COMMANDS = 20;
const LOSE = 'x-lose-reply';
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host'];

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Forwards to `target()`; a request marked `x-lose-reply` reaches the server, its answer never the client. */
async function losingProxy(t: TestContext, target: () => string): Promise<string> {
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string' && !HOP_BY_HOP.includes(name) && name !== LOSE)
          headers[name] = value;
      let upstream: Response;
      try {
        upstream = await fetch(`${target()}${req.url}`, {
          method: req.method,
          headers,
          body: body.length > 0 ? body : undefined,
        });
      } catch {
        req.socket.destroy();
        return;
      }
      const answer = Buffer.from(await upstream.arrayBuffer());
      // Committed and answered by the server, lost on the way back.
      if (req.headers[LOSE]) return req.socket.destroy();
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.includes(name)) out[name] = value;
      });
      res.writeHead(upstream.status, out).end(answer);
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
  const address = proxy.address();
  assert.ok(address && typeof address === 'object');
  return `http://127.0.0.1:${address.port}`;
}

interface Sent {
  status: number;
  replayed: boolean;
  body: string;
}

/** One market offer, sent until an answer arrives; the first attempt's answer is lost if `lose`. */
async function offerUntilAnswered(
  proxy: string,
  player: Player,
  key: string | null,
  lose: boolean,
  beforeRetry: () => Promise<void> = async () => undefined,
): Promise<Sent> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${player.token}`,
      'content-type': 'application/json',
    };
    if (key !== null) headers['idempotency-key'] = key;
    if (lose && attempt === 0) headers[LOSE] = '1';
    try {
      const res = await fetch(`${proxy}/trade/offers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          offered_resource: 'metal',
          offered_amount: 100,
          requested_resource: 'crystal',
          requested_amount: 50,
        }),
      });
      const body = await res.text();
      if (res.status !== 503)
        return { status: res.status, replayed: res.headers.has('idempotent-replayed'), body };
    } catch {
      // No answer: the client cannot know whether the offer was made, and asks again.
      await beforeRetry();
    }
  }
  throw new Error('no answer after 5 attempts');
}

async function openOffersOf(base: string, player: Player): Promise<number> {
  const res = await fetch(`${base}/trade/offers?limit=1000`);
  const { offers } = (await res.json()) as { offers: Array<{ seller_user_id: number }> };
  return offers.filter((o) => o.seller_user_id === player.id).length;
}

for (const kind of STORE_KINDS) {
  describe(`replies lost after the commit (${kind})`, () => {
    test('with keys every command happens once, also across a kill -9; without, retries double', async (t) => {
      const env = { ...(await storeEnv(t, kind)), ...chaosEnv() };
      const port = await freePort();
      let server = spawnServer(t, env, port);
      await waitReady(server);
      const proxy = await losingProxy(t, () => server.base);
      const [keyed, unkeyed] = await setupPlayers(server.base, 2);
      assert.ok(keyed && unkeyed);

      // Without keys: every lost reply's retry makes a second offer.
      for (let i = 0; i < COMMANDS; i++) {
        const sent = await offerUntilAnswered(proxy, unkeyed, null, i % 2 === 1);
        assert.equal(sent.status, 200, sent.body);
      }
      const doubled = await openOffersOf(server.base, unkeyed);
      assert.equal(doubled, COMMANDS + COMMANDS / 2);

      // With keys: the retry gets the first reply; the last one is retried after a crash.
      let replays = 0;
      for (let i = 0; i < COMMANDS; i++) {
        const last = i === COMMANDS - 1;
        const crash = async () => {
          if (!last) return;
          server.child.kill('SIGKILL');
          await server.exited;
          server = spawnServer(t, env, port);
          await waitReady(server);
        };
        const sent = await offerUntilAnswered(proxy, keyed, randomUUID(), i % 2 === 1, crash);
        assert.equal(sent.status, 200, sent.body);
        if (sent.replayed) replays++;
      }
      assert.equal(replays, COMMANDS / 2);
      assert.equal(await openOffersOf(server.base, keyed), COMMANDS);
      t.diagnostic(
        `${COMMANDS} commands, ${COMMANDS / 2} replies lost: ${doubled - COMMANDS} duplicates ` +
          `without keys, 0 with keys (${replays} retries answered from the kept reply)`,
      );
    });
  });
}
