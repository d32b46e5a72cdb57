import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/index.js';

/** Every method the API uses, for `CORS_ALLOW_METHODS=*`. */
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Response headers a browser page may read besides the simple ones. */
const EXPOSED_HEADERS = [
  'retry-after',
  'www-authenticate',
  'idempotent-replayed',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];
/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

type CorsDelegate = (
  request: FastifyRequest,
  callback: (error: Error | null, options: FastifyCorsOptions) => void,
) => void;

/**
 * The CORS settings, per request. `*` means "anything": the request's origin and requested
 * headers are echoed back, and every method is allowed. Passing `undefined` for a `*` (as
 * before) overrode the plugin's defaults and sent empty allow-methods and allow-headers, so
 * Chromium refused every request with an Authorization header or a JSON body.
 *
 * Credentials (cookies, HTTP auth) are allowed only for origins listed by name: echoing any
 * origin together with `allow-credentials` let every site read answers made with a visitor's
 * credentials. The API itself needs none (bearer tokens), so `*` keeps working from any page.
 */
export function corsDelegate(cors: Config['cors']): () => CorsDelegate {
  const anyOrigin = cors.origins.includes('*');
  const base: FastifyCorsOptions = {
    origin: anyOrigin ? true : cors.origins,
    methods: cors.methods.includes('*') ? ALL_METHODS : cors.methods,
    // null (the plugin's default) echoes the requested headers; the types leave it out.
    allowedHeaders: (cors.headers.includes('*') ? null : cors.headers) as string[],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
  };
  const withCredentials = { ...base, credentials: true };
  const without = { ...base, credentials: false };
  return () => (request, callback) => {
    const origin = request.headers.origin;
    const named = cors.credentials && origin !== undefined && cors.origins.includes(origin);
    callback(null, named ? withCredentials : without);
  };
}

/** Whether a WebSocket handshake from `origin` is allowed (browsers send no CORS preflight). */
export function originAllowed(cors: Config['cors'], origin: string | undefined): boolean {
  return origin === undefined || cors.origins.includes('*') || cors.origins.includes(origin);
}
