import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build` writes the client: dist/web under the package root (from src/ or dist/). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

// The page talks to this server only (its API and /ws); styles may be inline (Preact sets
// style attributes), nothing else runs.
const PAGE_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Web client not built</title>
<body style="font-family:system-ui;background:#0b1020;color:#e6e9f2;padding:2rem">
<h1>The web client is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>,
which builds it), then reload. The API is up: see <a style="color:#8fb4ff" href="/docs">/docs</a>.</p></body></html>`;

/** A browser asks for a page; API clients (curl, fetch, SDKs) ask for anything or for JSON. */
export function wantsPage(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}

/**
 * Serves the built web client under /play: /play/assets/* from the build's assets folder (a
 * missing one is a 404), every other path under /play answered with index.html (the client
 * routes by path), so a reload or a shared link to /play/fleet?planet=3 opens that screen.
 */
export async function serveWebClient(app: FastifyInstance, configured: string | null) {
  if (configured === null) return;
  const root = resolve(configured === '' ? DEFAULT_WEB_DIR : configured);
  // Looked for until found: a build made after the start is served without a restart.
  let built = false;
  const sendPage = (reply: FastifyReply) => {
    reply.header('content-security-policy', PAGE_POLICY).header('cache-control', 'no-cache');
    built ||= existsSync(join(root, 'index.html'));
    if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.sendFile('index.html', root, { cacheControl: false });
  };

  // Assets are looked up per request (a rebuild while the server runs is picked up); their
  // names carry a content hash, so they are cached for good.
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/play/assets/',
    index: false,
    schemaHide: true,
    immutable: true,
    maxAge: '365d',
  });
  const page = { schema: { hide: true } };
  app.get('/play', page, (_request, reply) => reply.redirect('/play/'));
  app.get('/play/', page, (_request, reply) => sendPage(reply));
  app.get('/play/*', page, (_request, reply) => sendPage(reply));
}
