import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { StoreOwnedError } from './store.js';
import { openSqliteDatabase, type SqliteSynchronous } from './sqlite-connection.js';
import { SqliteWriterThread } from './writers/sqlite-thread.js';
import { SqliteBatchWriter, type SqliteHandle } from './writers/sqlite-writer.js';

export interface SqliteOptions {
  /** Folder holding the database file and the owner lock; null keeps everything in memory. */
  dataDir: string | null;
  synchronous: SqliteSynchronous;
  log?: (event: LogEvent) => void;
}

export const SQLITE_FILE_NAME = 'ogame.sqlite';
const LOCK_FILE_NAME = 'server.lock';
/**
 * Lock files held by stores of this process. A lock file naming our own pid is stale (left by
 * an earlier process that had the same pid, as happens to pid 1 in containers) unless a store
 * of this process holds it right now.
 */
const HELD_IN_PROCESS = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Single-owner lock on DATA_DIR: a file holding the owner's pid. A lock left by a process that
 * died (kill -9, power loss) is taken over, since its pid is no longer alive.
 */
class DataDirLock {
  private held = false;
  constructor(private readonly path: string) {}

  acquire(): void {
    if (this.held) return;
    if (HELD_IN_PROCESS.has(this.path)) {
      throw new StoreOwnedError(
        `This process already owns the data directory ${this.path.replace(/\/[^/]+$/, '')}; ` +
          'a second store on it would lose writes.',
      );
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.path, String(process.pid), { flag: 'wx' });
        this.held = true;
        HELD_IN_PROCESS.add(this.path);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const pid = Number(readFileSync(this.path, 'utf8').trim());
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
          throw new StoreOwnedError(
            `Another server (pid ${pid}) owns the data directory ${this.path.replace(/\/[^/]+$/, '')}; ` +
              'stop it first or use a different DATA_DIR.',
          );
        }
        unlinkSync(this.path); // stale lock from a dead process
      }
    }
    throw new StoreOwnedError(`Could not take the lock ${this.path}`);
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    HELD_IN_PROCESS.delete(this.path);
    try {
      if (readFileSync(this.path, 'utf8').trim() === String(process.pid)) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

/** The embedded store: SQLite in WAL mode in a file of DATA_DIR, or in memory. */
export function openSqliteStore(options: SqliteOptions): KyselyStore {
  let path = ':memory:';
  let lock: DataDirLock | null = null;
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    path = join(options.dataDir, SQLITE_FILE_NAME);
    lock = new DataDirLock(resolve(options.dataDir, LOCK_FILE_NAME));
  }
  // The lock is taken before the file is opened so a second server never touches it.
  const ownership = {
    acquireOwnership: async () => lock?.acquire(),
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
