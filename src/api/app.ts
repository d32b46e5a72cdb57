import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { DomainError } from '../sim/errors.js';
import { makeGuards } from './auth/guard.js';
import { ignoreBodiesOfBodylessRoutes } from './bodyless.js';
import { lazySerializers } from './lazy-serializers.js';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { GAME_ROUTES } from './routes/index.js';
import { metaRoutes } from './routes/meta.js';
import type { ResponseChecker } from './contract/check.js';
import { namedSchemas } from './contract/kit.js';
import { corsDelegate } from './cors.js';
import type { AppServices } from './services.js';
import { createValidatorCompiler } from './validation.js';
import { AsyncApiDocument, asyncApiDocument } from './contract/asyncapi.js';
import { replies } from './contract/responses.js';
import { selectSubprotocol, WS_MAX_PAYLOAD_BYTES, WsHub } from './ws.js';
import { declareIdempotencyKeys } from './idempotency.js';
import { limitJsonDepth } from './json-depth.js';
import { ThrottledWarning } from './throttled-log.js';
import { serveWebClient } from './web-client.js';

export const API_VERSION = '0.1.0';
/** How long keep-alive connections stay open during a graceful stop (see the preClose hook). */
const SHUTDOWN_IDLE_GRACE_MS = 1000;

export interface BuiltApp {
  app: FastifyInstance;
  hub: WsHub;
}

/**
 * Builds the HTTP + WebSocket application: infrastructure plugins, then error handling, then
 * routes. Nothing listens until the caller says so (tests use inject/injectWS).
 */
export interface BuildAppOptions {
  /** Checks every answer against its route's schema (tests); violations are collected there. */
  checker?: ResponseChecker;
}

export async function buildApp(
  services: AppServices,
  logger: Logger | false,
  options: BuildAppOptions = {},
): Promise<BuiltApp> {
  const { config } = services;
  const app = Fastify({
    ...(logger === false ? { logger: false } : { loggerInstance: logger as FastifyBaseLogger }),
    bodyLimit: config.bodyLimitBytes,
    // A whole request within the timeout (408 otherwise): slow-body connections used to stay
    // open for ever, until the file descriptors ran out.
    requestTimeout: config.requestTimeoutSeconds * 1000,
    // How often Node looks for requests past their time (30 s by default: a timeout of 30 s
    // could take a minute to act).
    http: {
      connectionsCheckingInterval: Math.round(
        Math.min(5000, (config.requestTimeoutSeconds * 1000) / 3),
      ),
    },
    schemaController: { compilersFactory: lazySerializers() },
    // Requests already on a connection when the stop begins are served (the runtime keeps
    // running until every request is answered) instead of Fastify's bare 503 without a detail.
    return503OnClosing: false,
    // Per-request info logs would dominate under load; metrics record every request instead.
    logController: new LogController({ disableRequestLogging: true }),
    // Off unless configured: trusting X-Forwarded-For from anyone lets clients pick their IP.
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.server.headersTimeout = Math.round(
    Math.min(10_000, (config.requestTimeoutSeconds * 1000) / 3),
  );
  if (config.maxConnections > 0) app.server.maxConnections = config.maxConnections;

  // Bodies are typed exactly, paths and query strings are parsed from text (validation.ts).
  app.setValidatorCompiler(createValidatorCompiler());
  for (const schema of namedSchemas()) app.addSchema(schema);
  installErrorHandlers(app);
  declareIdempotencyKeys(app, services.ledger);
  limitJsonDepth(app);
  ignoreBodiesOfBodylessRoutes(app);
  if (options.checker) options.checker.install(app);

  // Security headers on every answer (nosniff, frame and referrer policies, HSTS behind TLS).
  // Content-Security-Policy is set by the pages themselves: the web client's (web-client.ts)
  // and the API docs' (swagger-ui's static CSP); JSON answers need none.
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    // An API: its answers are read by pages of other origins (CORS decides which).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, corsDelegate(config.cors));
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    // A request whose socket broke while it was parsed has no address any more; the plugin's
    // own key generator threw on it (a 500 for a malformed chunked body).
    keyGenerator: (request) => request.ip ?? 'unknown',
    // Thrown as a domain error so the central handler answers 429 {detail} (a plain object
    // without a message used to end as a 500 serialization failure).
    errorResponseBuilder: (_req, ctx) =>
      new DomainError(
        'rate_limited',
        'rate_limited',
        `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
        {
          retryAfter: Math.max(1, Math.ceil(ctx.ttl / 1000)),
        },
      ),
  });
  const badFrames = new ThrottledWarning('WebSocket closed for a malformed or oversized frame');
  await app.register(websocket, {
    // `bearer` is selected when a client sends its token as `Sec-WebSocket-Protocol: bearer, <JWT>`.
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES, handleProtocols: selectSubprotocol },
    // A frame the protocol refuses (too big, bad UTF-8, bad opcode) is the client's doing: ws
    // has already closed the socket with the matching code (1009, 1007, 1002). One warn line
    // without a stack, at most every 10 s; anything else is a bug and logged as one.
    errorHandler: (error, socket, request) => {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('WS_ERR_')) {
        badFrames.warn(request.log, { ws_error: code, reason: error.message });
        return;
      }
      request.log.error({ err: error }, 'WebSocket handler failed');
      socket.terminate();
    },
  });
  await app.register(swagger, {
    // Named schemas keep their names: `$ref: 'Planet'` becomes `#/components/schemas/Planet`.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OGame-like Game Server',
        version: API_VERSION,
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'REST API of the game server. Real time: the WebSocket `/ws` (token as `?token=`, the subprotocol `bearer, <JWT>` or a first `{"type":"auth"}` frame; every message has `type`, a per-player increasing `seq` and `server_time`; `?after=<seq>` replays the missed events first), described by the AsyncAPI 3 document at [/asyncapi.json](/asyncapi.json).',
      },
      // Relative to the document's own address: the server that serves it.
      servers: [{ url: '/', description: 'This server' }],
      // Public unless an operation names a scheme (protected routes do).
      security: [],
      // Every scheme a route names must be declared here, or generating the document fails.
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          adminToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The ADMIN_TOKEN of the server',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI sets inline styles; and a server on plain HTTP (a LAN address) must not have
    // its docs' requests upgraded to an HTTPS it does not serve.
    transformStaticCSP: (csp) =>
      csp
        .replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline' https:")
        .replace(/\s*upgrade-insecure-requests;/, ''),
  });

  // Hooks that run on every request are callback-style: an async hook costs a promise and a
  // microtask turn per request, which showed in the profile of the hottest read route.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.recordHttp(request.method, route, reply.statusCode, reply.elapsedTime);
    done();
  });

  // On shutdown, requests in flight finish, but their keep-alive connections must not hold
  // the stop for Fastify's 72 s keep-alive timeout: their answers close the connection.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    // Node's server.close() destroys idle keep-alive sockets at once, so a request a client had
    // just written on one was reset without an answer (the chaos SIGTERM test, issue 6). The
    // listener still closes now; open connections get a short grace in which each request is
    // answered with `connection: close`, then the ones still idle are closed.
    const server = app.server;
    const closeIdle = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => undefined;
    setTimeout(closeIdle, SHUTDOWN_IDLE_GRACE_MS).unref();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  const guards = makeGuards(services);
  // The hub checks its messages into the same list as the HTTP answers (tests).
  const hub = new WsHub(services, { contractViolations: options.checker?.violations });
  await app.register(async (scope) => hub.register(scope));
  await app.register(metaRoutes(services, hub));
  await app.register(authRoutes(services, guards, (userId) => hub.endRevoked(userId)));
  for (const module of GAME_ROUTES) await app.register(module(services, guards));
  await serveWebClient(app, config.webDir);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const asyncApi = asyncApiDocument(API_VERSION);
  app.get(
    '/asyncapi.json',
    {
      schema: {
        tags: ['meta'],
        operationId: 'getAsyncApi',
        summary: 'The AsyncAPI 3.0 document of the WebSocket /ws',
        response: replies(AsyncApiDocument, {
          access: 'public',
          input: false,
          game: false,
          description: 'Every message of /ws, both ways, with its schema.',
        }),
      },
    },
    async () => asyncApi,
  );
  return { app: app as unknown as FastifyInstance, hub };
}
