import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The server's route prefixes (every path of its OpenAPI document starts with one). */
const API_PREFIXES = [
  '/auth',
  '/player',
  '/planets',
  '/building-costs',
  '/simulate',
  '/rules',
  '/game-status',
  '/market',
  '/trade',
  '/notifications',
  '/highscore',
  '/galaxy',
];

// The client is served by the game server under /play (src/api/web-client.ts); `npm run build`
// writes it to dist/web next to the compiled server. `npm run dev:web` serves it with hot
// reload and forwards the API to a server on :8000.
export default defineConfig({
  root: here('.'),
  base: '/play/',
  resolve: {
    alias: { '@ogame-like/sdk': here('../packages/sdk/src/index.ts') },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev:web`: hot reload here, the API and /ws from a server on :8000.
    proxy: {
      ...Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, 'http://127.0.0.1:8000'])),
      '/ws': { target: 'ws://127.0.0.1:8000', ws: true },
    },
  },
});
