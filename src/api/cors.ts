import type { FastifyCorsOptions } from '@fastify/cors';
import type { Config } from '../config/index.js';

/** Every method the API uses, for `CORS_ALLOW_METHODS=*`. */
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Response headers a browser page may read besides the simple ones. */
const EXPOSED_HEADERS = ['retry-after', 'www-authenticate'];
/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * The CORS settings. `*` means "anything": the request's origin and requested headers are
 * echoed back (a literal `*` is ignored by browsers on requests with credentials), and every
 * method is allowed. Passing `undefined` for a `*` (as before) overrode the plugin's defaults
 * and sent empty allow-methods and allow-headers, so Chromium refused every request with an
 * Authorization header or a JSON body.
 */
export function corsOptions(cors: Config['cors']): FastifyCorsOptions {
  return {
    origin: cors.origins.includes('*') ? true : cors.origins,
    credentials: cors.credentials,
    methods: cors.methods.includes('*') ? ALL_METHODS : cors.methods,
    allowedHeaders: cors.headers.includes('*') ? null : cors.headers,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
  } as FastifyCorsOptions;
}

/** Whether a WebSocket handshake from `origin` is allowed (browsers send no CORS preflight). */
export function originAllowed(cors: Config['cors'], origin: string | undefined): boolean {
  return origin === undefined || cors.origins.includes('*') || cors.origins.includes(origin);
}
