// The access-control matrix (issue 6), generated from the route table: every route of the
// OpenAPI document is classified (public, token, /player/{user_id}, admin) and tried with every
// kind of bad credential, with another player's user id, and with another player's resource ids
// in its path or body. A route added later is covered without editing this file; a route whose
// kind of id is unknown here fails the test until it is classified in fixture.ts.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import WebSocket from 'ws';
import {
  ADMIN,
  ADMIN_TOKEN,
  badTokens,
  buildFixture,
  idFor,
  PLAIN_PARAMS,
  validBodies,
  type Fixture,
  type Owned,
} from './fixture.js';
import { answersWith5xx, fillPath, routeTable, type Route } from './routes.js';
import { diffDigests, stateDigest } from './state.js';
import { removePlayer } from '../../src/sim/players/remove.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

/** Path parameters that name something a player owns (the others are types and coordinates). */
const RESOURCE_PARAMS = new Set([
  'planet_id',
  'fleet_id',
  'report_id',
  'offer_id',
  'notification_id',
]);

/**
 * Routes where another player's resource id is the normal use, with the reason. Open offers are
 * a public market: accepting someone else's offer is what the route is for.
 */
const FOREIGN_IDS_ALLOWED: Record<string, string> = {
  'POST /trade/accept/{offer_id}': 'accepting another player’s open offer is the purpose',
};

/**
 * Routes where an id that is not the caller's falls back to the caller's own resource
 * (compatibility with the Python server), with the reason. The foreign resource must stay
 * untouched (`state` reads it before and after) and an accepted answer names the caller's own.
 */
const FOREIGN_IDS_FALL_BACK: Record<
  string,
  {
    why: string;
    state: (f: Fixture, id: number) => string;
    /** Whether an accepted answer is about one of alice's own resources. */
    callers: (f: Fixture, body: Record<string, unknown>) => boolean;
  }
> = {
  'POST /player/{user_id}/fleet/{fleet_id}/recall': {
    why: 'an id that is not one of the player’s fleets recalls their only fleet in flight',
    state: (f, id) => JSON.stringify(f.server.runtime.world.fleets.get(id) ?? null),
    callers: (f, body) =>
      f.server.runtime.world.fleets.get(body.fleet_id as number)?.ownerId === f.alice.id,
  },
};

function urlFor(route: Route, owned: Owned, overrides: Record<string, string | number> = {}) {
  const values: Record<string, string | number> = {};
  for (const name of route.pathParams) {
    const value = overrides[name] ?? idFor(owned, route.path, name) ?? PLAIN_PARAMS[name];
    assert.ok(value !== undefined, `${route.id}: classify path parameter ${name} in fixture.ts`);
    values[name] = value;
  }
  return fillPath(route.path, values);
}

function bodyFor(route: Route, f: Fixture, owned: Owned = f.own): object | undefined {
  if (!route.body) return undefined;
  const body: Record<string, unknown> = structuredClone(validBodies(f)[route.id] ?? {});
  // Ids in the body (origin_planet_id...) are the given owner's, like the path's.
  for (const name of Object.keys(route.body.properties ?? {})) {
    if (!name.endsWith('_id')) continue;
    const id = idFor(owned, route.path, name);
    assert.ok(id !== null, `${route.id}: classify body field ${name} in fixture.ts`);
    body[name] = id;
  }
  return body;
}

/** Text of another player that must never reach alice: bob's e-mail and his account name. */
function assertNoForeignData(f: Fixture, body: string, why: string) {
  assert.ok(!body.includes(`${f.bob.username}@example.com`), `${why}: leaks bob's e-mail`);
  assert.ok(!body.includes(f.bob.username), `${why}: names bob: ${body.slice(0, 300)}`);
}

function assertDetail(res: { statusCode: number; body: string }, why: string) {
  const parsed = JSON.parse(res.body) as { detail?: unknown };
  assert.equal(typeof parsed.detail, 'string', `${why}: ${res.body}`);
}

describe('access-control matrix', () => {
  test('every route × every credential, user id and resource id', async (t) => {
    const f = await buildFixture(t);
    const { server } = f;
    const routes = await routeTable(server.app);
    const tokens = await badTokens(f);
    const counts = { public: 0, token: 0, player: 0, admin: 0 };
    for (const p of [f.alice, f.bob, f.carol])
      await server.app.inject({ method: 'GET', url: '/auth/me', headers: p.auth });
    // A fresh token per request: the control request of POST /auth/logout revokes the one it uses.
    const aliceAuth = () => ({
      authorization: `Bearer ${server.services.tokens.issue(f.alice.id).token}`,
    });
    const inject = (route: Route, url: string, headers: Record<string, string>, payload?: object) =>
      server.app.inject({ method: route.method, url, headers, ...(payload ? { payload } : {}) });

    /** Sends a request that must be refused with one of `expected`, and must change nothing. */
    const refused = async (
      route: Route,
      url: string,
      headers: Record<string, string>,
      payload: object | undefined,
      expected: number[],
      why: string,
    ) => {
      const before = await stateDigest(server, ADMIN);
      const res = await inject(route, url, headers, payload);
      assert.ok(
        expected.includes(res.statusCode),
        `${why}: ${route.method} ${url} -> ${res.statusCode} (expected ${expected}) ${res.body}`,
      );
      assertDetail(res, why);
      assertNoForeignData(f, res.body, why);
      const after = await stateDigest(server, ADMIN);
      assert.equal(after.text, before.text, `${why} changed state:\n${diffDigests(before, after)}`);
      return res;
    };

    for (const route of routes) {
      counts[route.cls]++;
      await t.test(`${route.id} (${route.cls})`, async () => {
        const url = urlFor(route, f.own);
        const body = bodyFor(route, f);
        if (route.cls === 'public') {
          // Credentials are ignored, bad ones included: never a 401 or 403 for a public route.
          for (const bad of tokens) {
            const res = await inject(route, url, bad.headers, body);
            assert.ok(
              (res.statusCode < 500 || answersWith5xx(route, res.statusCode)) &&
                res.statusCode !== 401 &&
                res.statusCode !== 403,
              `${bad.name}: ${route.id} -> ${res.statusCode} ${res.body}`,
            );
            // E-mail addresses are private: a public route never shows a player's.
            for (const p of [f.alice, f.bob, f.carol])
              assert.ok(!res.body.includes(`${p.username}@example.com`), `${route.id}: e-mail`);
          }
          return;
        }
        if (route.cls === 'admin') {
          for (const bad of [...tokens, { name: 'alice’s valid JWT', headers: aliceAuth() }]) {
            const res = await refused(route, url, bad.headers, body, [401], bad.name);
            assert.equal(res.json().detail, 'Invalid admin token', bad.name);
          }
          for (const wrong of [
            ADMIN_TOKEN.toUpperCase(),
            `${ADMIN_TOKEN}x`,
            ADMIN_TOKEN.slice(0, -1),
            '',
          ]) {
            await refused(route, url, { authorization: `Bearer ${wrong}` }, body, [401], 'wrong');
          }
          return;
        }

        // token and player routes: every bad credential is a 401 with a Bearer challenge.
        for (const bad of tokens) {
          const res = await refused(route, url, bad.headers, body, [401], bad.name);
          assert.equal(res.headers['www-authenticate'], 'Bearer', bad.name);
        }

        if (route.cls === 'player') {
          // Another player's id, a deleted one and one never issued: 403 before any lookup.
          for (const other of [f.bob.id, f.carol.id, 999_999]) {
            const res = await refused(
              route,
              urlFor(route, f.own, { user_id: other }),
              aliceAuth(),
              body,
              [403],
              `alice as user ${other}`,
            );
            assert.equal(res.json().detail, 'Forbidden: user_id mismatch');
          }
        }

        // Alice's token and user id with bob's resource ids, in the path or in the body.
        const foreignPath = route.pathParams.filter((p) => RESOURCE_PARAMS.has(p));
        const foreignBody = Object.keys(route.body?.properties ?? {}).filter((p) =>
          p.endsWith('_id'),
        );
        const fallBack = FOREIGN_IDS_FALL_BACK[route.id];
        if (FOREIGN_IDS_ALLOWED[route.id]) {
          t.diagnostic(`${route.id}: foreign ids allowed (${FOREIGN_IDS_ALLOWED[route.id]})`);
        } else if (fallBack) {
          t.diagnostic(`${route.id}: foreign ids fall back to the caller's (${fallBack.why})`);
          for (const name of foreignPath) {
            const foreign = idFor(f.foreign, route.path, name) as number;
            const why = `bob's ${name} ${foreign}`;
            const before = fallBack.state(f, foreign);
            const res = await inject(route, urlFor(route, f.own, { [name]: foreign }), aliceAuth());
            assert.ok([200, 400, 404].includes(res.statusCode), `${why}: ${res.statusCode}`);
            assertNoForeignData(f, res.body, why);
            assert.equal(fallBack.state(f, foreign), before, `${why}: bob's is untouched`);
            if (res.statusCode === 200)
              assert.ok(fallBack.callers(f, res.json()), `${why}: alice's`);
            else assertDetail(res, why);
          }
        } else {
          for (const name of foreignPath) {
            const foreign = idFor(f.foreign, route.path, name) as number;
            await refused(
              route,
              urlFor(route, f.own, { [name]: foreign }),
              aliceAuth(),
              body,
              [403, 404],
              `bob's ${name} ${foreign}`,
            );
          }
          if (foreignBody.length > 0) {
            await refused(
              route,
              url,
              aliceAuth(),
              bodyFor(route, f, f.foreign),
              [403, 404],
              `bob's ${foreignBody.join(', ')} in the body`,
            );
          }
        }

        // The control: the same request with alice's own credentials and ids passes the guard
        // (it may still be refused by the game, e.g. a fleet already recalled, but not 401/403),
        // and what she gets back is never bob's.
        const own = await inject(route, url, aliceAuth(), body);
        assert.ok(
          own.statusCode < 500 && own.statusCode !== 401 && own.statusCode !== 403,
          `control: ${route.id} -> ${own.statusCode} ${own.body}`,
        );
        for (const other of [f.bob, f.carol])
          assert.ok(!own.body.includes(`${other.username}@example.com`), `control: ${route.id}`);
      });
    }
    t.diagnostic(`routes: ${routes.length} ${JSON.stringify(counts)}`);
    assert.ok(
      counts.player >= 20 && counts.token >= 5 && counts.admin >= 3,
      JSON.stringify(counts),
    );

    await t.test(
      'expiry on the server clock: every protected route refuses the token',
      async () => {
        f.ts.clock.advance(f.ts.config.jwt.expireMinutes * 60_000);
        for (const route of routes.filter((r) => r.cls === 'token' || r.cls === 'player')) {
          const res = await inject(route, urlFor(route, f.own), f.alice.auth, bodyFor(route, f));
          assert.equal(res.statusCode, 401, `${route.id}: ${res.body}`);
          assert.equal(res.json().detail, 'Could not validate credentials');
        }
      },
    );
  });

  test('without ADMIN_TOKEN every admin route is 404, whatever the credentials', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice');
    const routes = (await routeTable(server.app)).filter((r) => r.cls === 'admin');
    assert.ok(routes.length >= 3);
    for (const route of routes) {
      const url = fillPath(route.path, { user_id: alice.id, planet_id: 1 });
      for (const headers of [{}, alice.auth, ADMIN, { authorization: 'Bearer ' }]) {
        const res = await server.app.inject({ method: route.method, url, headers, payload: {} });
        assert.equal(res.statusCode, 404, `${route.id} ${JSON.stringify(headers)}`);
        assert.match(res.json().detail, /^Not Found/);
      }
    }
  });

  test('a deleted player’s id is not handed out again after a restart', async (t) => {
    // Tokens name their user by id, and reports and trade history are kept by user id: a new
    // account with a deleted player's id would inherit both.
    const env = { ADMIN_TOKEN, ACCESS_TOKEN_EXPIRE_MINUTES: String(60 * 24 * 30) };
    const first = await startTestServer(t, { store: 'embedded', env });
    await registerPlayer(first.server, 'alice_stays');
    const dave = await registerPlayer(first.server, 'dave_deleted');
    const offer = await first.server.app.inject({
      method: 'POST',
      url: '/trade/offers',
      headers: dave.auth,
      payload: {
        offered_resource: 'metal',
        offered_amount: 10,
        requested_resource: 'crystal',
        requested_amount: 5,
      },
    });
    assert.equal(offer.statusCode, 200, offer.body);
    await first.server.runtime.execute((ctx) => {
      removePlayer(ctx, ctx.world.users.get(dave.id)!);
    }, undefined);
    await first.stop();

    const second = await startTestServer(t, {
      store: 'embedded',
      dataDir: first.dataDir!,
      env,
    });
    const eve = await registerPlayer(second.server, 'eve_newcomer');
    assert.notEqual(eve.id, dave.id, 'the deleted player’s id was reused');
    const me = await second.server.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: dave.auth,
    });
    assert.equal(me.statusCode, 401, me.body);
    const history = await second.server.app.inject({
      method: 'GET',
      url: `/player/${eve.id}/trade/history`,
      headers: eve.auth,
    });
    assert.deepEqual(history.json().events, [], 'eve sees no one else’s trade history');
  });

  test('the WebSocket gateway refuses every bad credential with 1008 and no welcome', async (t) => {
    const f = await buildFixture(t);
    await f.server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = f.server.app.server.address() as AddressInfo;
    const tokens = await badTokens(f);
    for (const bad of tokens) {
      const token = (bad.headers.authorization ?? '').replace(/^Bearer /, '');
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`);
      const messages: unknown[] = [];
      ws.on('message', (m) => messages.push(String(m)));
      ws.on('error', () => undefined);
      const [code] = (await once(ws, 'close')) as [number];
      assert.equal(code, 1008, bad.name);
      assert.deepEqual(messages, [], bad.name);
    }
    const ok = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${f.alice.token}`);
    const [welcome] = (await once(ok, 'message')) as [Buffer];
    assert.equal(JSON.parse(String(welcome)).user_id, f.alice.id);
    ok.terminate();
  });
});
