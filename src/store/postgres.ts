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
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The production store: PostgreSQL, with an advisory lock held on a dedicated connection. */
export function openPostgresStore(options: PostgresOptions): KyselyStore {
  const pool = makePool(options.url, options.pool);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }), log: options.log });
  const replicas = options.replicaUrls.map(
    (url) => new Kysely({ dialect: new PostgresDialect({ pool: makePool(url, options.pool) }) }),
  );
  let lockClient: pg.Client | null = null;

  const tryLock = async (): Promise<boolean> => {
    // Keep-alive probes notice a silently dropped connection (and with it, the lock).
    const client = new pg.Client({ connectionString: options.url, keepAlive: true });
    const lost = () => {
      if (lockClient === client) lockClient = null;
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [OWNER_LOCK_KEY],
    );
    if (result.rows[0]?.locked) {
      lockClient = client;
      return true;
    }
    await client.end();
    return false;
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
    writer: new PgBatchWriter(pool),
    acquireOwnership: async () => {
      if (lockClient) {
        // After a database restart the old session (and its lock) is gone; take it again.
        try {
          await lockClient.query('SELECT 1');
          return;
        } catch {
          lockClient = null;
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
      lockClient = null;
      if (client) await client.end().catch(() => undefined);
    },
  });
}
