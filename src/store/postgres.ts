import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.js';
import { StoreOwnedError } from './store.js';
import { PgBatchWriter } from './writers/pg-writer.js';

// Epoch-millisecond columns are BIGINT; they fit a double exactly, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  url: string;
  replicaUrls: string[];
  pool: { size: number; maxOverflow: number; timeoutSeconds: number; recycleSeconds: number };
  log?: (event: LogEvent) => void;
  /** What to do when another server holds the advisory lock. */
  onOwned?: 'fail' | 'wait';
  onWaiting?: () => void;
}

/** Advisory lock key that marks the owner of a game database ("ogame" in ASCII). */
export const OWNER_LOCK_KEY = 0x6f67616d65;
const STANDBY_POLL_MS = 2000;

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable)';
  }
}

function makePool(url: string, options: PostgresOptions['pool']): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.size + options.maxOverflow,
    connectionTimeoutMillis: Math.round(options.timeoutSeconds * 1000),
    idleTimeoutMillis: 30_000,
    maxLifetimeSeconds: Math.round(options.recycleSeconds),
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // A client that is checked out has no pool listener: when the database went away under it
  // (a restart), its 'error' event was unhandled and crashed the process (the chaos PostgreSQL
  // restart test, issue 6). Its query fails on its own, which the runtime turns into fail-stop.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    keepSessionAlive(client);
  });
  return pool;
}

/**
 * A server's `idle_session_timeout` ends idle sessions, and with them the pool's connections
 * (every command after a quiet spell failed and reloaded the world) and the owner's lock. Off
 * for this server's own sessions; queued before the session's first query. Servers before
 * PostgreSQL 14 do not know the setting, which is fine.
 */
function keepSessionAlive(client: pg.Client | pg.PoolClient): void {
  client.query('SET idle_session_timeout = 0').catch(() => undefined);
}

/** How often the owner checks its lock session, and how long any query on it may take. */
const LOCK_PING_MS = 2000;
const LOCK_QUERY_TIMEOUT_MS = 5000;

/**
 * Raises the owner epoch (migration 0010) on the lock's session, right after the lock is taken:
 * from now on a commit of any earlier owner fails. A database not migrated yet has no commits
 * to fence: its first epoch is the row's 0.
 */
async function raiseEpoch(client: pg.Client): Promise<number> {
  try {
    const raised = await client.query<{ epoch: string }>(
      'UPDATE owner_fence SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch',
    );
    return Number(raised.rows[0]?.epoch ?? 0);
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return 0; // not migrated yet
    throw err;
  }
}

/** The production store: PostgreSQL, with an advisory lock held on a dedicated connection. */
export function openPostgresStore(options: PostgresOptions): KyselyStore {
  const pool = makePool(options.url, options.pool);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }), log: options.log });
  const replicas = options.replicaUrls.map(
    (url) => new Kysely({ dialect: new PostgresDialect({ pool: makePool(url, options.pool) }) }),
  );
  let lockClient: pg.Client | null = null;
  let epoch = 0;
  let pinger: NodeJS.Timeout | null = null;

  /** The lock session is gone or does not answer: stop writing until the lock is taken again. */
  const loseLock = (client: pg.Client) => {
    if (lockClient !== client) return;
    lockClient = null;
    if (pinger) clearInterval(pinger);
    pinger = null;
    client.end().catch(() => undefined);
  };

  const tryLock = async (): Promise<boolean> => {
    // Keep-alive probes and the pings below notice a silently dropped connection (and with it,
    // the lock) within seconds; the owner epoch fences the commits of the meantime.
    const client = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      query_timeout: LOCK_QUERY_TIMEOUT_MS,
    });
    client.on('error', () => loseLock(client));
    client.on('end', () => loseLock(client));
    await client.connect();
    keepSessionAlive(client);
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [OWNER_LOCK_KEY],
    );
    if (!result.rows[0]?.locked) {
      await client.end();
      return false;
    }
    epoch = await raiseEpoch(client);
    lockClient = client;
    pinger = setInterval(() => {
      client.query('SELECT 1').catch(() => loseLock(client));
    }, LOCK_PING_MS);
    pinger.unref();
    return true;
  };

  return new KyselyStore('postgres', redactUrl(options.url), db, {
    replicas,
    // The lock lives as long as its session: once the session is gone another server may own
    // the database, so nothing more is written until the lock is taken again (fail-stop).
    assertOwned: () => {
      if (!lockClient) {
        throw new StoreOwnedError(
          `Lost the ownership of ${redactUrl(options.url)} (the advisory lock session ended); not writing.`,
        );
      }
    },
    writer: new PgBatchWriter(pool, () => epoch),
    acquireOwnership: async () => {
      if (lockClient) {
        // After a database restart the old session (and its lock) is gone; take it again.
        const client: pg.Client = lockClient;
        try {
          await client.query('SELECT 1');
          return;
        } catch {
          loseLock(client);
        }
      }
      for (;;) {
        if (await tryLock()) return;
        if (options.onOwned !== 'wait') {
          throw new StoreOwnedError(
            `Another server owns the database ${redactUrl(options.url)} (advisory lock ${OWNER_LOCK_KEY} is held); ` +
              'stop it first or point DATABASE_URL elsewhere.',
          );
        }
        options.onWaiting?.();
        await new Promise((r) => setTimeout(r, STANDBY_POLL_MS));
      }
    },
    releaseOwnership: async () => {
      const client = lockClient as pg.Client | null;
      if (client) loseLock(client);
    },
  });
}
