import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Type } from 'typebox';
import type { Claim, IdempotencyLedger, Reply } from '../runtime/idempotency.js';
import type { Command, SimContext } from '../sim/context.js';

/** The request header that makes a command exactly-once (the IETF draft's and Stripe's name). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer that is the kept reply of an earlier request with the same key. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that change nothing although they are POSTs: they take no key. */
const PURE_ROUTES = new Set(['/simulate/battle', '/player/:user_id/fleet/preview']);

const KeyHeaders = Type.Object(
  {
    [IDEMPOTENCY_HEADER]: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7e]+$',
        description:
          'Makes the command exactly-once: a retry with the same key (within IDEMPOTENCY_TTL_SECONDS) gets the first reply back, with `Idempotent-Replayed: true`, and changes nothing; the key with another request is 422 `idempotency_key_reused`. Use a new random key (a UUID) per action.',
      }),
    ),
  },
  // Every other header is allowed: only the key is described.
  { additionalProperties: true },
);

const methodsOf = (route: RouteOptions): string[] =>
  Array.isArray(route.method) ? route.method : [route.method];

/** Whether a route changes state, and so takes an Idempotency-Key. */
export function takesIdempotencyKey(method: string, url: string): boolean {
  return COMMAND_METHODS.has(method) && !PURE_ROUTES.has(url);
}

/**
 * Declares the Idempotency-Key header on every command route, so it is validated (a malformed
 * key is a 422 naming the header) and typed in the OpenAPI document and the SDK.
 */
export function declareIdempotencyKeys(app: FastifyInstance, ledger: IdempotencyLedger): void {
  // A retry is answered before the handler runs: its checks (a name already taken by the
  // original registration, a password to verify) would judge it against the state the
  // original left. This is the one store look-up of a keyed command; runCommand asks the
  // ledger's memory again, for a retry that raced the original.
  const replayKept = async (request: FastifyRequest, reply: FastifyReply) => {
    const claim = claimOf(request);
    if (claim === null) return;
    const kept = await ledger.find(claim);
    if (kept !== null) return sendKept(reply, kept);
  };
  app.addHook('onRoute', (route) => {
    if (!methodsOf(route).some((m) => takesIdempotencyKey(m, route.url))) return;
    const schema = (route.schema ??= {}) as { headers?: unknown; hide?: boolean };
    if (schema.hide) return;
    schema.headers = KeyHeaders;
    const existing = route.preHandler;
    route.preHandler = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      replayKept,
    ];
  });
}

function sendKept(reply: FastifyReply, kept: Reply): FastifyReply {
  // Kept as it was sent: Fastify passes JSON text through unserialized.
  return reply
    .code(kept.status)
    .header(REPLAYED_HEADER, 'true')
    .type('application/json; charset=utf-8')
    .send(kept.body);
}

/** Object keys in a fixed order, so one request always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

/** Who owns a key: the player of the token, the operator, or nobody yet (register, login). */
function scopeOf(request: FastifyRequest): string {
  if (request.auth) return `user:${request.auth.user.id}`;
  if ((request.routeOptions.url ?? '').startsWith('/admin')) return 'admin';
  return 'public';
}

/** Each request's claim, hashed once for the look-up before the handler and for the command. */
const claims = new WeakMap<FastifyRequest, Claim | null>();

/** The request's key, whose it is and a hash of what it asks, or null without a key. */
export function claimOf(request: FastifyRequest): Claim | null {
  let claim = claims.get(request);
  if (claim === undefined) claims.set(request, (claim = computeClaim(request)));
  return claim;
}

function computeClaim(request: FastifyRequest): Claim | null {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string') return null;
  const what = [
    request.method,
    request.routeOptions.url,
    canonical(request.params),
    canonical(request.query),
    canonical(request.body ?? null),
  ];
  const fingerprint = createHash('sha256').update(JSON.stringify(what)).digest('base64url');
  return { scope: scopeOf(request), key, fingerprint };
}

/**
 * Runs a route's command once per Idempotency-Key and answers with `render`'s body, computed
 * from the command's result in its context (the state it left, before the commit). A retry with the key is answered with the
 * kept reply (`Idempotent-Replayed: true`); without a key the command simply runs.
 */
export async function runCommand<I, O, B>(
  ledger: IdempotencyLedger,
  request: FastifyRequest,
  reply: FastifyReply,
  command: Command<I, O>,
  input: I,
  render: (result: O, ctx: SimContext) => B,
): Promise<B> {
  const outcome = await ledger.run(command, input, render, claimOf(request));
  if (!outcome.replayed) return outcome.body;
  return sendKept(reply, outcome) as unknown as B;
}
