import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config/index.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { createServer, type GameServer } from '../../src/server.js';
import { createTestDatabase } from './postgres.js';

export const TEST_EPOCH = Date.UTC(2026, 0, 1, 12, 0, 0);

export type StoreKind = 'memory' | 'embedded' | 'postgres';

export interface TestServerOptions {
  store?: StoreKind;
  env?: Record<string, string>;
  clock?: ManualClock;
  seed?: number;
  /** A logger to build the server with (silent by default); tests read what it writes. */
  logger?: Logger;
  /** Reuse an existing data directory or database (restart tests). */
  dataDir?: string;
  databaseUrl?: string;
}

export interface TestServer {
  server: GameServer;
  clock: ManualClock;
  config: Config;
  dataDir: string | null;
  databaseUrl: string | null;
  /** Closes the server (a graceful stop) without deleting its data. */
  stop(): Promise<void>;
}

/**
 * Builds a full server (real store, real HTTP stack through inject) on a manual clock. The
 * game loop does not run: tests advance the clock and call `runtime.tick()` themselves.
 * Everything is cleaned up when the test ends.
 */
export async function startTestServer(
  t: TestContext,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const store = options.store ?? 'memory';
  const clock = options.clock ?? new ManualClock(TEST_EPOCH);
  let dataDir: string | null = null;
  let databaseUrl: string | null = null;
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    ...options.env,
  };
  if (store === 'memory') env.STORAGE = 'memory';
  if (store === 'embedded') {
    dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ogame-test-'));
    env.STORAGE = 'embedded';
    env.DATA_DIR = dataDir;
    if (!options.dataDir) {
      const dir = dataDir;
      t.after(() => rmSync(dir, { recursive: true, force: true }));
    }
  }
  if (store === 'postgres') {
    if (options.databaseUrl) databaseUrl = options.databaseUrl;
    else {
      const db = await createTestDatabase();
      databaseUrl = db.url;
      t.after(() => db.drop());
    }
    env.STORAGE = 'postgres';
    env.DATABASE_URL = databaseUrl;
  }
  const config = loadConfig(env);
  const server = await createServer(config, {
    clock,
    logger: options.logger ?? false,
    seed: options.seed ?? 42,
    checkContract: true,
  });
  // Every answer of every test is checked against the OpenAPI contract.
  t.after(() => {
    if (server.contractViolations.length > 0) {
      throw new Error(`answers outside the contract:\n${server.contractViolations.join('\n')}`);
    }
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  t.after(stop);
  return { server, clock, config, dataDir, databaseUrl, stop };
}

export interface Session {
  id: number;
  token: string;
  username: string;
  auth: { authorization: string };
}

/** Registers and logs in a player through the real HTTP routes. */
export async function registerPlayer(
  server: GameServer,
  username: string,
  password = 'password123',
): Promise<Session> {
  const reg = await server.app.inject({
    method: 'POST',
    url: '/auth/register',
    payload: { username, email: `${username}@example.com`, password },
  });
  if (reg.statusCode !== 200)
    throw new Error(`register ${username}: ${reg.statusCode} ${reg.body}`);
  const login = await server.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password },
  });
  if (login.statusCode !== 200)
    throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const token = login.json().access_token as string;
  return { id: reg.json().id, token, username, auth: { authorization: `Bearer ${token}` } };
}
