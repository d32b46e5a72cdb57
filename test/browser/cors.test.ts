import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

/**
 * What the page on the other origin does, in the browser: register, log in, then call every
 * operation of the OpenAPI document with an Authorization header (and a JSON body where the
 * method has one), and open the WebSocket with the token as a subprotocol. A request that CORS
 * blocks makes fetch reject; any HTTP status (even a 4xx) means the browser let it through.
 */
async function pageScript(api: string): Promise<unknown> {
  const json = { 'content-type': 'application/json' };
  const register = await fetch(`${api}/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'browser', email: 'b@example.com', password: 'password123' }),
  });
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'browser', password: 'password123' }),
  });
  const { access_token: token, user_id: userId } = (await login.json()) as {
    access_token: string;
    user_id: number;
  };
  const auth = { ...json, authorization: `Bearer ${token}` };
  const player = await fetch(`${api}/player/${userId}`, { headers: auth });
  const build = await fetch(`${api}/player/${userId}/build`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ building_type: 'metal_mine' }),
  });
  const doc = (await (await fetch(`${api}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  // An exposed header: a page can tell a 401 is a bearer challenge.
  const anonymous = await fetch(`${api}/auth/me`);
  const blocked: string[] = [];
  let calls = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (path === '/auth/logout' || path === '/auth/me') continue; // keep the session alive
      const url = api + path.replace('{user_id}', String(userId)).replace(/\{[^}]+\}/g, '1');
      const withBody = method !== 'get';
      calls++;
      try {
        await fetch(url, {
          method: method.toUpperCase(),
          headers: auth,
          ...(withBody ? { body: '{}' } : {}),
        });
      } catch {
        blocked.push(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  const ws = await new Promise<string>((resolve) => {
    const socket = new WebSocket(`${api.replace('http', 'ws')}/ws`, ['bearer', token]);
    socket.onmessage = (event) => {
      resolve(JSON.parse(String(event.data)).type);
      socket.close();
    };
    socket.onerror = () => resolve('error');
  });
  return {
    register: register.status,
    login: login.status,
    player: player.status,
    build: build.status,
    challenge: anonymous.headers.get('www-authenticate'),
    calls,
    blocked,
    ws,
  };
}

test('a page on another origin logs in, calls every route and opens the WebSocket (default CORS)', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const { server } = await startTestServer(t, { env: { HOST: '127.0.0.1', PORT: '0' } });
  const api = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace(
    '[::1]',
    '127.0.0.1',
  );
  const page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>other origin</title>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  t.after(() => page.close());
  const pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  assert.notEqual(new URL(pageUrl).origin, new URL(api).origin);

  const tab = await browser.newPage();
  await tab.goto(pageUrl);
  const result = (await tab.evaluate(pageScript, api)) as Record<string, unknown>;
  assert.equal(result.register, 200);
  assert.equal(result.login, 200);
  assert.equal(result.player, 200);
  assert.equal(result.build, 200);
  assert.equal(result.challenge, 'Bearer');
  assert.ok((result.calls as number) >= 40, `only ${String(result.calls)} operations called`);
  assert.deepEqual(result.blocked, [], 'requests blocked by CORS');
  assert.equal(result.ws, 'welcome');
});
