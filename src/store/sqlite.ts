import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { DataDirLock } from './data-dir-lock.js';
import { KyselyStore } from './kysely-store.js';
import { dataDirProblem, StoreOwnedError } from './store.js';
import { openSqliteDatabase, type SqliteSynchronous } from './sqlite-connection.js';
import { SqliteWriterThread } from './writers/sqlite-thread.js';
import { SqliteBatchWriter, type SqliteHandle } from './writers/sqlite-writer.js';

export interface SqliteOptions {
  /** Folder holding the database file and the owner lock; null keeps everything in memory. */
  dataDir: string | null;
  synchronous: SqliteSynchronous;
  log?: (event: LogEvent) => void;
  /** When another server owns DATA_DIR: fail at once, or wait as a standby until it is gone. */
  onOwned?: 'fail' | 'wait';
  onWaiting?: () => void;
}

export const SQLITE_FILE_NAME = 'ogame.sqlite';
/** How often a standby tries the lock of the server it waits behind. */
const STANDBY_POLL_MS = 500;

/** The embedded store: SQLite in WAL mode in a file of DATA_DIR, or in memory. */
export function openSqliteStore(options: SqliteOptions): KyselyStore {
  let path = ':memory:';
  let lock: DataDirLock | null = null;
  if (options.dataDir !== null) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (err) {
      throw dataDirProblem(err, options.dataDir);
    }
    path = join(options.dataDir, SQLITE_FILE_NAME);
    lock = new DataDirLock(resolve(options.dataDir));
  }
  // The lock is taken before the file is opened so a second server never touches it.
  const ownership = {
    acquireOwnership: async () => {
      for (;;) {
        try {
          return lock?.acquire();
        } catch (err) {
          if (!(err instanceof StoreOwnedError) || options.onOwned !== 'wait') throw err;
          options.onWaiting?.();
          await new Promise((r) => setTimeout(r, STANDBY_POLL_MS));
        }
      }
    },
    releaseOwnership: async () => lock?.release(),
  };
  let raw: InstanceType<typeof Database> | null = null;
  const open = () => (raw ??= openSqliteDatabase(path, options.synchronous));
  // A file database is written from its own thread (see writers/sqlite-thread.ts); an in-memory
  // one cannot be shared with another thread, so it is written here.
  const thread =
    options.dataDir === null
      ? null
      : new SqliteWriterThread({ path, synchronous: options.synchronous });
  let writer: SqliteBatchWriter | null = null;
  const db = new Kysely({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    dialect: new SqliteDialect({ database: async () => open() as any }),
    log: options.log,
  });
  return new KyselyStore(
    'sqlite',
    options.dataDir === null ? 'sqlite::memory:' : `sqlite:${path}`,
    db,
    {
      ...ownership,
      writer: thread ?? {
        commit: (batch) => {
          writer ??= new SqliteBatchWriter(open() as unknown as SqliteHandle);
          writer.commit(batch);
        },
      },
    },
  );
}
