import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  ConnectionError,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { DomainError } from '../sim/errors.js';

/**
 * One place turns every failure into a status code and a `{detail}` body: domain errors keep
 * their text, schema failures become 422 naming the field, other client errors keep Fastify's
 * status, and 5xx details are logged but never shown.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error.status === 429 && error.extra?.retryAfter)
        reply.header('retry-after', String(error.extra.retryAfter));
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      const { retryAfter: _r, ...extra } = error.extra ?? {};
      return reply.code(error.status).send({ detail: error.detail, ...extra });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      const errors = error.validation.map((v) => ({
        loc: [
          where,
          ...String(v.instancePath || '')
            .split('/')
            .filter(Boolean),
        ],
        msg: v.message ?? 'invalid',
        type: v.keyword,
      }));
      const first = errors[0];
      const detail = first ? `${first.loc.join('.')}: ${first.msg}` : `Invalid ${where}`;
      return reply.code(422).send({ detail, errors });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Plugins sometimes throw plain objects; never answer without a detail text.
      const given = (error as { detail?: unknown }).detail;
      const detail = typeof given === 'string' ? given : error.message || `HTTP ${status}`;
      return reply.code(status).send({ detail });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: 'Internal Server Error' });
  });
  // Ajv's type coercion turns "Infinity" or "1e400" in a query string, a path or a form body
  // into Infinity and then skips its minimum/maximum checks for non-finite numbers, so
  // `?limit=Infinity` passed the schema and ended as a 500 in SQL (found by the security fuzzer,
  // issue 6). Such values get the 422 the schema meant, before any guard or handler runs.
  // A callback-style hook: it runs on every request, and an async one costs a promise and a
  // microtask turn each time.
  app.addHook('preHandler', (request, reply, done) => {
    const bad =
      nonFiniteField('querystring', request.query) ??
      nonFiniteField('params', request.params) ??
      nonFiniteField('body', request.body);
    if (bad === null) return done();
    const msg = 'must be a finite number';
    // Answering from a callback hook: send, and do not call done.
    reply.code(422).send({
      detail: `${bad.where}.${bad.key}: ${msg}`,
      errors: [{ loc: [bad.where, bad.key], msg, type: 'type' }],
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ detail: `Not Found: ${request.method} ${request.url.split('?')[0]}` });
  });
}

/** The first top-level field of a parsed request part that is a non-finite number, if any. */
function nonFiniteField(where: string, values: unknown): { where: string; key: string } | null {
  if (typeof values !== 'object' || values === null) return null;
  for (const key of Object.keys(values)) {
    const value = (values as Record<string, unknown>)[key];
    if (typeof value === 'number' && !Number.isFinite(value)) return { where, key };
  }
  return null;
}

/**
 * Fastify's `frameworkErrors` option: the router rejects malformed percent-encoding (400) and
 * overlong path parameters (414) before any hook or error handler runs, and by default answered
 * with a body of its own that has no `detail` (found by the security fuzzer, issue 6).
 */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
  reply.code(status).send({ detail: error.message || `HTTP ${status}` });
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses oversized headers or URLs (431),
 * slow requests (408) and malformed HTTP (400) before Fastify sees a request, and Fastify's
 * default answer had no `detail` (found by the limits tests, issue 6). The connection is closed,
 * as the parser cannot go on.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request header fields (or the URL) too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout']
        : [400, 'Malformed HTTP request'];
  const body = JSON.stringify({ detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
