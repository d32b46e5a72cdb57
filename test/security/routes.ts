// The route table of a built server, classified for the security suites. It is read from the
// OpenAPI document (every documented route) and cross-checked against Fastify's own route tree,
// so a route added later is fuzzed and put through the access matrix without editing a test.

import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

/**
 * public: no token needed; token: any logged-in player; player: /player/{user_id}/... (the
 * token's own id only); admin: the operator API (Bearer ADMIN_TOKEN).
 */
export type RouteClass = 'public' | 'token' | 'player' | 'admin';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  [key: string]: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: /player/{user_id}/fleet/{fleet_id}/recall */
  path: string;
  cls: RouteClass;
  pathParams: string[];
  query: Array<{ name: string; schema: JsonSchema }>;
  /** The JSON body schema, or null for routes without a body. */
  body: JsonSchema | null;
  /** "METHOD /path", for messages. */
  id: string;
}

/** Routes deliberately left out of the OpenAPI document, with where they are tested instead. */
export const UNDOCUMENTED = new Set([
  'GET /ws', // the WebSocket gateway: limits.test.ts and access.test.ts
  'GET /openapi.json', // the document itself
  'GET /docs', // Swagger UI (static pages)
  'GET /play', // the web client (static pages): test/api/web-client.test.ts
]);

interface Operation {
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}

function classify(path: string, op: Operation): RouteClass {
  const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
  if (path.startsWith('/admin/')) return 'admin';
  if (path === '/player/{user_id}' || path.startsWith('/player/{user_id}/')) return 'player';
  if (schemes.has('bearerAuth')) return 'token';
  return 'public';
}

/** Every documented route of the app, classified. Checks the document matches the route tree. */
export async function routeTable(app: FastifyInstance): Promise<Route[]> {
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as Route['method'];
      const params = op.parameters ?? [];
      const route: Route = {
        method,
        path,
        cls: classify(path, op),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        id: `${method} ${path}`,
      };
      // The declared security must agree with the path: a /player/{user_id} or /admin route
      // documented as public is a route whose guard was probably forgotten.
      const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
      if (route.cls === 'player' || route.cls === 'token')
        assert.deepEqual(schemes, ['bearerAuth'], `${route.id} must declare bearerAuth`);
      if (route.cls === 'admin')
        assert.deepEqual(schemes, ['adminToken'], `${route.id} must declare adminToken`);
      routes.push(route);
    }
  }
  const documented = new Set(routes.map((r) => `${r.method} ${r.path}`));
  for (const served of servedRoutes(app)) {
    if (documented.has(served) || UNDOCUMENTED.has(served)) continue;
    if (served.startsWith('GET /docs/') || served.startsWith('GET /play/')) continue;
    assert.fail(`${served} is served but neither documented nor listed in UNDOCUMENTED`);
  }
  return routes;
}

/**
 * Every "METHOD /path" Fastify serves (HEAD and OPTIONS aside), parsed from printRoutes: each
 * tree line is a path fragment appended to its parent's, with the methods in parentheses.
 */
export function servedRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const fragment = match[2] ?? '';
    stack.length = depth;
    const full = `${stack.at(-1) ?? ''}${fragment}`;
    stack.push(full);
    for (const method of (match[3] ?? '').split(', ')) {
      if (!method || method === 'HEAD' || method === 'OPTIONS') continue;
      const path = full.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/^\/\//, '/');
      out.push(`${method} ${path === '' ? '/' : path}`);
    }
  }
  return out;
}

/** The OpenAPI path with its parameters filled in (values are URL-encoded). */
export function fillPath(path: string, values: Record<string, string | number>): string {
  return path.replace(/\{([A-Za-z_]+)\}/g, (_m, name: string) => {
    const value = values[name];
    assert.ok(value !== undefined, `no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * A 5xx that is the route's answer, not a failure: readiness is 503 in the tests' servers, whose
 * game loop never runs (tests tick by hand).
 */
export const answersWith5xx = (route: Route, status: number): boolean =>
  route.path === '/healthz/ready' && status === 503;
