import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { dataDirProblem, StoreOwnedError } from './store.js';

/** The lock itself: a SQLite file whose exclusive lock the owner holds while it runs. */
export const LOCK_FILE_NAME = 'owner.lock';
/** Who holds it, for the message of a server that finds it taken (never used to decide). */
const OWNER_NOTE_NAME = 'owner.json';
/** The lock of earlier versions: a file holding a pid, which pid namespaces made unreliable. */
const LEGACY_LOCK_NAME = 'server.lock';

function describeOwner(dir: string): string {
  try {
    const note = JSON.parse(readFileSync(join(dir, OWNER_NOTE_NAME), 'utf8')) as {
      pid?: number;
      host?: string;
      since?: string;
    };
    return ` (pid ${note.pid ?? '?'} on ${note.host ?? '?'}, since ${note.since ?? '?'})`;
  } catch {
    return '';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Single owner of DATA_DIR, by an operating-system lock: SQLite's exclusive lock (a POSIX
 * record lock) on `owner.lock`, taken in a transaction that stays open while the server runs.
 * The kernel drops it when its holder dies, however it dies, so there is no stale lock to judge
 * and nothing to compare pids with: two servers as pid 1 in two containers on one volume, or
 * two servers starting at once after a `kill -9`, cannot both hold it. A second store of the
 * same process is refused too (SQLite shares one lock per file within a process).
 */
export class DataDirLock {
  private db: InstanceType<typeof Database> | null = null;

  constructor(private readonly dir: string) {}

  /** Takes the lock, or throws StoreOwnedError at once when another server holds it. */
  acquire(): void {
    if (this.db) return;
    this.probeWritable();
    this.refuseLegacyOwner();
    const db = new Database(join(this.dir, LOCK_FILE_NAME));
    try {
      db.exec('PRAGMA busy_timeout = 0');
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      db.close();
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
        throw new StoreOwnedError(
          `Another server${describeOwner(this.dir)} owns the data directory ${this.dir}; ` +
            'stop it first or use a different DATA_DIR.',
        );
      }
      throw err;
    }
    this.db = db;
    writeFileSync(
      join(this.dir, OWNER_NOTE_NAME),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
  }

  /** A read-only or full folder is named as such, not as SQLite's "unable to open" error. */
  private probeWritable(): void {
    const probe = join(this.dir, '.write-probe');
    try {
      writeFileSync(probe, '');
      unlinkSync(probe);
    } catch (err) {
      throw dataDirProblem(err, this.dir);
    }
  }

  release(): void {
    const db = this.db;
    if (!db) return;
    this.db = null;
    db.close();
  }

  /**
   * A server of an earlier version still running on this folder holds only the pid file; a
   * left-over one (its process is gone, or the pid is ours: a container restart) is removed.
   */
  private refuseLegacyOwner(): void {
    const path = join(this.dir, LEGACY_LOCK_NAME);
    if (!existsSync(path)) return;
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new StoreOwnedError(
        `A server of an earlier version (pid ${pid}) owns the data directory ${this.dir}; ` +
          'stop it first.',
      );
    }
    unlinkSync(path);
  }
}
