import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A body sent to a route that takes none is ignored, as FastAPI does (the reference server):
 * `POST /auth/logout` with `content-type: application/json` and no body, or a stray body on a
 * `DELETE`, is served, not answered 400 or 415 for a body the route never reads (and the
 * contract documents no body errors there). The request's body headers are dropped before
 * Fastify picks a parser, and its stream is replaced by an empty one (Node discards the unread
 * bytes of the original).
 */
export function ignoreBodiesOfBodylessRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => BODY_METHODS.has(m)) || route.schema?.body !== undefined) return;
    const existing = route.preParsing;
    const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    route.preParsing = [...hooks, dropBody];
  });
}

function dropBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  _payload: unknown,
  done: (err: Error | null, payload?: Readable) => void,
): void {
  const headers = request.raw.headers;
  if (headers['content-type'] === undefined && headers['transfer-encoding'] === undefined) {
    if (headers['content-length'] === undefined || headers['content-length'] === '0')
      return done(null);
  }
  delete headers['content-type'];
  delete headers['transfer-encoding'];
  headers['content-length'] = '0';
  done(null, Readable.from([]));
}
