import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  ConnectionError,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import type { ErrorObject } from 'ajv';
import { DomainError, type ErrorCode } from '../sim/errors.js';

/** Where a schema failure is, in FastAPI's words (Fastify says querystring and params). */
const LOCATION: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Ajv's keywords as pydantic's error types, which FastAPI clients know. */
function issueType(error: ErrorObject): string {
  const expected = (error.params as { type?: string }).type;
  switch (error.keyword) {
    case 'required':
      return 'missing';
    case 'type':
      return `${TYPE_NAMES[expected ?? ''] ?? expected ?? 'value'}_type`;
    case 'enum':
    case 'const':
      return 'literal_error';
    case 'minimum':
      return 'greater_than_equal';
    case 'exclusiveMinimum':
      return 'greater_than';
    case 'maximum':
      return 'less_than_equal';
    case 'exclusiveMaximum':
      return 'less_than';
    case 'minLength':
      return 'string_too_short';
    case 'maxLength':
      return 'string_too_long';
    case 'pattern':
      return 'string_pattern_mismatch';
    case 'minItems':
    case 'minProperties':
      return 'too_short';
    case 'maxItems':
    case 'maxProperties':
      return 'too_long';
    case 'additionalProperties':
      return 'extra_forbidden';
    default:
      return error.keyword;
  }
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'int',
  number: 'float',
  string: 'string',
  boolean: 'bool',
  object: 'dict',
  array: 'list',
  null: 'none',
};

export interface ValidationIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** One schema failure in FastAPI's shape: `loc` names the part, then the path to the field. */
export function validationIssue(context: string, error: ErrorObject): ValidationIssue {
  const path = String(error.instancePath || '')
    .split('/')
    .filter(Boolean)
    .map((part) =>
      /^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~'),
    );
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const field = params.missingProperty ?? params.additionalProperty;
  if (field !== undefined) path.push(field);
  return {
    loc: [LOCATION[context] ?? context, ...path],
    msg: error.keyword === 'required' ? 'Field required' : (error.message ?? 'invalid'),
    type: issueType(error),
  };
}

/**
 * Ajv reports a failed `anyOf` once for each branch and then for the `anyOf` itself; the
 * branches' errors say nothing a client can use, so only the `anyOf` is kept.
 */
function withoutBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (unions.length === 0) return errors;
  return errors.filter(
    (e) =>
      unions.includes(e) ||
      !unions.some(
        (u) => e.instancePath === u.instancePath && e.schemaPath.startsWith(`${u.schemaPath}/`),
      ),
  );
}

/** The 422 body: FastAPI's `{"detail": [{loc, msg, type}]}`, plus the stable code. */
export const validationBody = (detail: ValidationIssue[]) => ({
  detail,
  code: 'validation_failed' as const,
});

/** Fastify's own client errors, by their code, as the API's error codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_BAD_URL: 'malformed_request',
};

/** The code of an error status that no domain error named. */
function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 404:
      return 'route_not_found';
    case 408:
      return 'request_timeout';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 431:
      return 'headers_too_large';
    default:
      return status >= 500 ? 'internal_error' : 'malformed_request';
  }
}

/**
 * One place turns every failure into a status code and a body: domain errors keep their text
 * and code, schema failures become FastAPI's 422, other client errors keep Fastify's status
 * with a code of their own, and 5xx details are logged but never shown.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const { retryAfter, ...extra } = error.extra ?? {};
      if (typeof retryAfter === 'number') {
        reply.header('retry-after', String(retryAfter));
        extra.retry_after = retryAfter;
      }
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      // A 422 keeps FastAPI's shape: one issue at the input it names.
      if (error.status === 422) {
        const loc = Array.isArray(extra.loc) ? (extra.loc as string[]) : [];
        return reply.code(422).send({
          detail: [{ loc, msg: error.detail, type: error.code }],
          code: error.code,
        });
      }
      return reply.code(error.status).send({ detail: error.detail, code: error.code, ...extra });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      return reply
        .code(422)
        .send(
          validationBody(
            withoutBranchErrors(error.validation as ErrorObject[]).map((v) =>
              validationIssue(where, v),
            ),
          ),
        );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Plugins sometimes throw plain objects; never answer without a detail text.
      const given = (error as { detail?: unknown }).detail;
      const detail = typeof given === 'string' ? given : error.message || `HTTP ${status}`;
      const code = FASTIFY_CODES[error.code] ?? codeOfStatus(status);
      return reply.code(status).send({ detail, code });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: 'Internal Server Error', code: 'internal_error' });
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
    // Answering from a callback hook: send, and do not call done.
    reply.code(422).send(
      validationBody([
        {
          loc: [LOCATION[bad.where] ?? bad.where, bad.key],
          msg: 'must be a finite number',
          type: 'finite_number',
        },
      ]),
    );
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      detail: `Not Found: ${request.method} ${request.url.split('?')[0]}`,
      code: 'route_not_found',
    });
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
  reply.code(status).send({ detail: error.message || `HTTP ${status}`, code: 'malformed_request' });
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses oversized headers or URLs (431),
 * slow requests (408) and malformed HTTP (400) before Fastify sees a request, and Fastify's
 * default answer had no `detail` (found by the limits tests, issue 6). The connection is closed,
 * as the parser cannot go on.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request header fields (or the URL) too large', 'headers_too_large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout', 'request_timeout']
        : [400, 'Malformed HTTP request', 'malformed_request'];
  const body = JSON.stringify({ detail, code });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
