// A TCP proxy for tests whose connections can be cut without telling the client, as a proxy
// or a network that drops a connection silently does.
import assert from 'node:assert/strict';
import { createConnection, createServer, type Socket } from 'node:net';
import type { TestContext } from 'node:test';

/**
 * A TCP proxy to PostgreSQL whose connections can be cut silently: the database sees its end
 * of the connection close (and ends the session, releasing its locks), the client sees nothing.
 */
export async function silentProxy(t: TestContext, target: URL) {
  const pairs: Array<{ client: Socket; upstream: Socket }> = [];
  const server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    pairs.push({ client, upstream });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return {
    port: address.port,
    /** Cuts connection `index` (in order of opening) without telling the client. */
    silence(index: number) {
      const pair = pairs[index];
      assert.ok(pair, `no connection ${index}`);
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      pair.upstream.destroy();
    },
  };
}
