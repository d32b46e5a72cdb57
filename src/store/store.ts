import type { Kysely } from 'kysely';
import type { TableName } from '../sim/changes.js';
import type { Row, RowBatch } from './tables.js';

export type EngineName = 'sqlite' | 'postgres';

/**
 * The narrow persistence surface the game needs: migrate, load everything at startup, apply a
 * batch of row changes atomically, page through histories. Both engines implement it and one
 * contract test suite runs against each.
 */
export interface Store {
  readonly engine: EngineName;
  /** A human-readable location, e.g. `sqlite:data/ogame.sqlite` (no credentials). */
  readonly location: string;
  /** Takes the single-owner lock; throws StoreOwnedError if another server holds it. */
  acquireOwnership(): Promise<void>;
  /** Whether the lock is still held (PostgreSQL: the lock session is alive). */
  readonly owned: boolean;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Every row of every table, for building the world at startup. */
  loadAll(): Promise<Record<TableName, Row[]>>;
  /** Largest id of each history table, so id sequences continue after a restart. */
  maxIds(): Promise<Partial<Record<TableName, number>>>;
  /** Writes one batch in one transaction: all of it or none of it. */
  commit(batch: RowBatch): Promise<void>;
  /**
   * True when commit may be called again before the previous call settled: batches are then
   * written in call order, and when one fails, every batch handed over after it (before its
   * rejection was seen) fails too, unwritten. Otherwise the caller waits for each commit.
   */
  readonly pipelined: boolean;
  /** Runs a read-only query on a replica when configured, falling back to the primary. */
  read<T>(query: (db: Kysely<any>) => Promise<T>): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs a read-only query on the primary: for reads that must see the latest commit. */
  readPrimary<T>(query: (db: Kysely<any>) => Promise<T>): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Another server process owns this database; this one must not write to it. */
export class StoreOwnedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOwnedError';
  }
}

/** DATA_DIR cannot hold the embedded store (not a folder, read-only, full): said plainly. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** What a file system error on a data folder means, in an operator's words. */
export function dataDirReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return 'is on a read-only file system';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'is on a full disk';
  if (code === 'EACCES' || code === 'EPERM') return 'is not writable by this user';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'is not a folder';
  return `cannot be used (${(err as Error).message})`;
}

/** A file system error on DATA_DIR as the error that stops the start. */
export function dataDirProblem(err: unknown, dir: string): DataDirError {
  return new DataDirError(
    `DATA_DIR ${dir} ${dataDirReason(err)}; the embedded store needs a writable folder.`,
  );
}
