// Property-based fuzzing of every route in the OpenAPI document (issue 6, hostile input): for
// each route, fast-check generates requests with hostile path segments, query strings, bodies
// and content types, with a valid token (and the player's own ids) or without one. Whatever the
// input: never a 5xx, every 4xx is JSON with a known `code` and a `detail` (FastAPI's list for
// 422), and a rejected request changes
// nothing (a digest of the store and of the world is equal before and after).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { RESOURCE_KINDS } from '../../src/rules/types.js';
import { ERROR_CODES } from '../../src/sim/errors.js';
import type { Fixture } from './fixture.js';
import { ADMIN, buildFixture, idFor, PLAIN_PARAMS, validBodies } from './fixture.js';
import {
  bodyArb,
  EDGE_NUMBERS,
  EDGE_QUERY_VALUES,
  leafEdits,
  encode,
  mutatedBodyArb,
  queryArb,
  RAW_BODIES,
  RAW_SEGMENTS,
  segmentArb,
} from './hostile.js';
import { answersWith5xx, routeTable, type Route } from './routes.js';
import { diffDigests, watchCommits, worldDigest, worldViolations } from './state.js';

/** Fixed seed: a failure is replayed by rerunning; FUZZ_SEED and FUZZ_RUNS explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

type Auth = 'valid' | 'none' | 'garbage';

interface Case {
  auth: Auth;
  segments: Record<string, string>;
  query: string;
  body: { payload: string; contentType: string | undefined; mustReject?: string } | null;
  /** Extra request headers (encodings, accept types, forwarding, method overrides). */
  headers: Record<string, string>;
  /** HEAD instead of GET (a GET route's automatic twin). */
  head?: boolean;
}

/** Headers that change how a request is read or answered. */
const HOSTILE_HEADERS: Array<Record<string, string>> = [
  { 'content-encoding': 'gzip' },
  { 'content-encoding': 'br, identity' },
  { accept: 'text/plain' },
  { accept: 'application/openmetrics-text; version=1.0.0' },
  { accept: '*/*;q=0' },
  { 'accept-charset': 'utf-7' },
  { 'x-forwarded-for': '127.0.0.1, ::1, 10.0.0.1' },
  { 'x-http-method-override': 'DELETE' },
  { 'x-original-url': '/admin/players/1' },
  { origin: 'https://evil.example' },
  { cookie: '__proto__=1; constructor=2' },
];

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * Every rejection: a known stable `code`, and `detail` a text, or for 422 FastAPI's list of
 * `{loc, msg, type}` (the response checker also holds the whole body to its schema).
 */
function assertErrorBody(
  status: number,
  body: { detail?: unknown; code?: unknown },
  where: string,
) {
  assert.ok(typeof body.code === 'string' && KNOWN_CODES.has(body.code), `${where}: code`);
  if (status !== 422) {
    assert.equal(typeof body.detail, 'string', where);
    assert.ok((body.detail as string).length > 0, where);
    return;
  }
  assert.ok(Array.isArray(body.detail) && body.detail.length > 0, where);
  for (const issue of body.detail as Array<Record<string, unknown>>) {
    assert.ok(Array.isArray(issue.loc), where);
    assert.equal(typeof issue.msg, 'string', where);
    assert.equal(typeof issue.type, 'string', where);
  }
}

/** A per-route seed, so adding a route does not change the cases of the others. */
function routeSeed(id: string): number {
  let h = SEED | 0;
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Whether an object of an example body maps unit types or resource kinds to numbers. */
const isGameMap =
  (f: Fixture) =>
  (o: Record<string, unknown>): boolean => {
    const keys = Object.keys(o);
    const known = (k: string) =>
      f.server.runtime.rules.unit(k) !== undefined ||
      (RESOURCE_KINDS as readonly string[]).includes(k);
    return keys.length > 0 && keys.every(known);
  };

function caseArb(route: Route, f: Fixture): fc.Arbitrary<Case> {
  const example = validBodies(f)[route.id];
  const segments = Object.fromEntries(
    route.pathParams.map((name) => {
      const good = idFor(f.own, route.path, name) ?? PLAIN_PARAMS[name];
      assert.ok(good !== undefined, `${route.id}: no value for path parameter ${name}`);
      return [name, segmentArb(String(good))];
    }),
  );
  const wantsBody = route.body !== null;
  return fc.record({
    auth: fc.constantFrom<Auth>('valid', 'valid', 'valid', 'none', 'garbage'),
    segments: fc.record(segments),
    query: fc.oneof(fc.constant(''), queryArb(route)),
    headers: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_HEADERS) },
    ),
    body: wantsBody
      ? example
        ? fc.oneof(
            { weight: 2, arbitrary: bodyArb(route) },
            { weight: 3, arbitrary: mutatedBodyArb(example, isGameMap(f)) },
          )
        : bodyArb(route)
      : fc.option(bodyArb(route), { freq: route.method === 'GET' ? 10 : 4, nil: null }),
  });
}

/**
 * The cases every route gets whatever the seed: each path parameter with each raw segment, each
 * query parameter with each edge value (and repeated, and as an array), each raw body.
 */
function edgeCases(route: Route, f: Fixture): Case[] {
  const good = Object.fromEntries(
    route.pathParams.map((name) => [
      name,
      String(idFor(f.own, route.path, name) ?? PLAIN_PARAMS[name]),
    ]),
  );
  const example = validBodies(f)[route.id];
  const base: Case = {
    auth: 'valid',
    segments: good,
    query: '',
    headers: {},
    body: route.body
      ? { payload: JSON.stringify(example ?? {}), contentType: 'application/json' }
      : null,
  };
  const cases: Case[] = [base, { ...base, auth: 'none' }];
  for (const name of route.pathParams)
    for (const segment of RAW_SEGMENTS)
      cases.push({ ...base, segments: { ...good, [name]: segment } });
  for (const { name } of route.query) {
    for (const value of EDGE_QUERY_VALUES)
      cases.push({ ...base, query: `${name}=${encode(value)}` });
    cases.push({ ...base, query: `${name}=1&${name}=2` }, { ...base, query: `${name}[]=1` });
  }
  if (route.body) for (const body of RAW_BODIES) cases.push({ ...base, body });
  for (const headers of HOSTILE_HEADERS) cases.push({ ...base, headers });
  if (route.method === 'GET') cases.push({ ...base, head: true });
  if (example) {
    for (const payload of leafEdits(example, EDGE_NUMBERS))
      cases.push({ ...base, body: { payload, contentType: 'application/json' } });
  }
  return cases;
}

function headersFor(route: Route, c: Case, f: Fixture): Record<string, string> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.body?.contentType !== undefined && c.body !== null)
    headers['content-type'] = c.body.contentType;
  if (c.auth === 'garbage') headers.authorization = 'Bearer x.y.z';
  if (c.auth === 'valid') {
    headers.authorization =
      route.cls === 'admin'
        ? ADMIN.authorization
        : // A fresh token per case: a fuzzed POST /auth/logout must not revoke the next one's.
          `Bearer ${f.server.services.tokens.issue(f.alice.id).token}`;
  }
  return headers;
}

test('OpenAPI-driven fuzzer: no 5xx, {detail} on 4xx, no change on rejection', async (t) => {
  const f = await buildFixture(t);
  const { server } = f;
  const routes = await routeTable(server.app);
  assert.ok(routes.length >= 40, `only ${routes.length} routes in the OpenAPI document`);
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  // Activity is marked at most once a minute of game time per player; mark it now, so the
  // fuzzed requests (the clock stands still) cannot, and the digest compares game state only.
  for (const p of [f.alice, f.bob, f.carol])
    await server.app.inject({ method: 'GET', url: '/auth/me', headers: p.auth });
  // The fast digest: what the runtime commits to the store, and the in-memory world.
  const commits = watchCommits(server);
  await server.runtime.flush();
  const snapshot = () => ({ commits: commits.count(), text: worldDigest(server) });
  let baseline = snapshot();
  assert.deepEqual(worldViolations(server), [], 'the fixture itself is sound');
  const statuses = new Map<number, number>();

  for (const route of routes) {
    await t.test(`${route.id} (${route.cls})`, async () => {
      const edges = edgeCases(route, f);
      await fc.assert(
        fc.asyncProperty(caseArb(route, f), async (c) => {
          let url = route.path.replace(
            /\{([A-Za-z_]+)\}/g,
            (_m, name: string) => c.segments[name] ?? '',
          );
          if (c.query) url += `?${c.query}`;
          const res = await server.app.inject({
            method: c.head ? 'HEAD' : route.method,
            url,
            headers: headersFor(route, c, f),
            ...(c.body ? { payload: c.body.payload } : {}),
          });
          const where = `${route.method} ${url} [${c.auth}] ${c.body?.contentType ?? ''} ${c.body?.payload.slice(0, 200) ?? ''}`;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok(
            res.statusCode < 500 || answersWith5xx(route, res.statusCode),
            `${where} -> ${res.statusCode} ${res.body.slice(0, 500)}`,
          );
          assert.equal(
            Object.getOwnPropertyNames(Object.prototype).sort().join(),
            prototypeKeys,
            `${where} polluted Object.prototype`,
          );
          assert.equal(({} as Record<string, unknown>).polluted, undefined, where);
          if (c.body?.mustReject)
            assert.ok(res.statusCode >= 400, `${where} -> ${res.statusCode}: ${c.body.mustReject}`);
          if (res.statusCode >= 400 && !c.head) {
            assert.match(String(res.headers['content-type']), /^application\/json/, where);
            assertErrorBody(res.statusCode, res.json(), `${where}: ${res.body.slice(0, 300)}`);
            await server.runtime.flush();
            const after = snapshot();
            if (after.text !== baseline.text || after.commits !== baseline.commits) {
              const diff = diffDigests(baseline, after);
              const committed = after.commits - baseline.commits;
              baseline = after;
              assert.fail(
                `${where} -> ${res.statusCode} changed the state (${committed} commits: ${commits.last()}):\n${diff}`,
              );
            }
          } else {
            // An accepted request may change state (a fuzzed body can be valid): new baseline.
            await server.runtime.flush();
            baseline = snapshot();
            assert.deepEqual(worldViolations(server), [], `${where} -> ${res.statusCode}`);
          }
        }),
        {
          seed: routeSeed(route.id),
          // Examples count as runs: the random cases come on top of the edge cases.
          numRuns: RUNS + edges.length,
          examples: edges.map((c) => [c] as [Case]),
        },
      );
    });
  }
  t.diagnostic(
    `routes: ${routes.length}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
});
