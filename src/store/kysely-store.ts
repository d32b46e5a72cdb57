import { Migrator, sql, type Kysely } from 'kysely';
import type { TableName } from '../sim/changes.js';
import { unavailable } from '../sim/errors.js';
import { migrationProvider } from './migrations/index.js';
import type { EngineName, Store } from './store.js';
import {
  HISTORY_TABLES,
  ID_SEQUENCE_TABLES,
  isEmptyBatch,
  TABLES,
  updatableColumns,
  type Row,
  type RowBatch,
  type RowUpdate,
} from './tables.js';

/** SQLite allows 32 766 bound variables per statement and PostgreSQL 65 535; stay below both. */
const MAX_VARIABLES_PER_STATEMENT = 30_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export interface EngineHooks {
  acquireOwnership(): Promise<void>;
  releaseOwnership(): Promise<void>;
  /** Throws if this store no longer owns its database (checked before every commit). */
  assertOwned?(): void;
  /** Engine-specific fast path for commits (prepared statements, JSON row sets). */
  writer?: {
    commit(batch: RowBatch): void | Promise<void>;
    /** See Store.pipelined. */
    readonly pipelined?: boolean;
    /** Finishes queued commits and releases the writer's own connection (or thread). */
    close?(): Promise<void>;
  };
  /** Replica databases for reads, each with a health flag maintained here. */
  replicas?: AnyDb[];
}

/**
 * The store over Kysely, shared by both engines: the engine modules only open the connection,
 * set its pragmas/pool and provide the ownership lock.
 */
export class KyselyStore implements Store {
  private readonly replicaDownUntil: number[];
  private nextReplica = 0;

  constructor(
    readonly engine: EngineName,
    readonly location: string,
    private readonly db: AnyDb,
    private readonly hooks: EngineHooks,
  ) {
    this.replicaDownUntil = (hooks.replicas ?? []).map(() => 0);
  }

  get pipelined(): boolean {
    return this.hooks.writer?.pipelined ?? false;
  }

  /** Whether this store still holds its ownership (a lost lock session says no). */
  get owned(): boolean {
    try {
      this.hooks.assertOwned?.();
      return true;
    } catch {
      return false;
    }
  }

  acquireOwnership(): Promise<void> {
    return this.hooks.acquireOwnership();
  }

  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  async loadAll(): Promise<Record<TableName, Row[]>> {
    const out = {} as Record<TableName, Row[]>;
    for (const table of Object.keys(TABLES) as TableName[])
      out[table] = await this.loadTable(table);
    return out;
  }

  /** A whole entity table, its live rows (loadWhere), a history's index columns, or nothing. */
  private async loadTable(table: TableName): Promise<Row[]> {
    const def = TABLES[table];
    if (HISTORY_TABLES.has(table)) {
      if (!def.indexColumns) return [];
      return (await this.db
        .selectFrom(table)
        .select(def.indexColumns)
        .orderBy('id')
        .execute()) as Row[];
    }
    let q = this.db.selectFrom(table).selectAll();
    for (const [column, value] of Object.entries(def.loadWhere ?? {}))
      q = q.where(column, '=', value);
    return (await q.execute()) as Row[];
  }

  async maxIds(): Promise<Partial<Record<TableName, number>>> {
    const out: Partial<Record<TableName, number>> = {};
    for (const table of ID_SEQUENCE_TABLES) {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.max('id').as('max_id'))
        .executeTakeFirst();
      out[table] = Number(row?.max_id ?? 0);
    }
    return out;
  }

  async commit(batch: RowBatch): Promise<void> {
    if (isEmptyBatch(batch)) return;
    this.hooks.assertOwned?.();
    if (this.hooks.writer) return this.hooks.writer.commit(batch);
    await this.db.transaction().execute(async (trx) => {
      for (const [table, wheres] of batch.deletes) await deleteWhere(trx, table, wheres);
      for (const { table, column, below } of batch.ranges ?? [])
        await trx.deleteFrom(table).where(column, '<', below).execute();
      await updateWhere(trx, batch.updates ?? []);
      for (const [table, rows] of batch.upserts) {
        if (rows.length > 0) await upsert(trx, table, rows);
      }
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async read<T>(query: (db: Kysely<any>) => Promise<T>): Promise<T> {
    const replicas = this.hooks.replicas ?? [];
    const now = Date.now();
    for (let i = 0; i < replicas.length; i++) {
      const index = (this.nextReplica + i) % replicas.length;
      if ((this.replicaDownUntil[index] ?? 0) > now) continue;
      try {
        this.nextReplica = index + 1;
        return await query(replicas[index] as AnyDb);
      } catch {
        // A failed replica is skipped for a while; the primary always answers as a last resort.
        this.replicaDownUntil[index] = now + 30_000;
      }
    }
    return this.readPrimary(query);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async readPrimary<T>(query: (db: Kysely<any>) => Promise<T>): Promise<T> {
    try {
      return await query(this.db);
    } catch (err) {
      // History pages read the store directly: with the database down they answered a bare 500
      // (the chaos PostgreSQL-restart test, issue 6). Unreachable is a 503 with a detail; any
      // other failure (a bug in a query) stays what it is.
      if (!(await this.ping())) {
        throw unavailable(
          'unavailable',
          'The game database is unavailable; the server is recovering. Retry shortly.',
        );
      }
      throw err;
    }
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.hooks.writer?.close?.().catch(() => undefined);
    for (const replica of this.hooks.replicas ?? []) await replica.destroy().catch(() => undefined);
    // The database is closed before the lock is released, so a successor never shares it.
    await this.db.destroy().finally(() => this.hooks.releaseOwnership().catch(() => undefined));
  }
}

/**
 * Deletes every row matching one of `wheres`. Conditions on a single column (the common case:
 * entities by id) are merged into `IN (...)` lists, so a tick touching thousands of planets
 * costs a few statements rather than one round trip per planet.
 */
async function deleteWhere(trx: AnyDb, table: TableName, wheres: Row[]): Promise<void> {
  const byColumn = new Map<string, Array<string | number>>();
  for (const where of wheres) {
    const entries = Object.entries(where);
    const [column, value] = entries[0] ?? [];
    if (entries.length === 1 && column !== undefined && value !== null && value !== undefined) {
      let values = byColumn.get(column);
      if (!values) byColumn.set(column, (values = []));
      values.push(value);
      continue;
    }
    let q = trx.deleteFrom(table);
    for (const [c, v] of entries) q = q.where(c, '=', v);
    await q.execute();
  }
  for (const [column, values] of byColumn) {
    for (let i = 0; i < values.length; i += MAX_VARIABLES_PER_STATEMENT) {
      await trx
        .deleteFrom(table)
        .where(column, 'in', values.slice(i, i + MAX_VARIABLES_PER_STATEMENT))
        .execute();
    }
  }
}

/**
 * Applies column updates. Updates with the same table, `set` values and a single `where`
 * column (the common case: notifications by id) are merged into chunked `IN (...)` lists.
 */
async function updateWhere(trx: AnyDb, updates: readonly RowUpdate[]): Promise<void> {
  const merged = new Map<
    string,
    { update: RowUpdate; column: string; values: Array<string | number> }
  >();
  for (const update of updates) {
    const entries = Object.entries(update.where);
    const [column, value] = entries[0] ?? [];
    if (entries.length === 1 && column !== undefined && value !== null && value !== undefined) {
      const key = `${update.table}\u0000${column}\u0000${JSON.stringify(update.set)}`;
      let group = merged.get(key);
      if (!group) merged.set(key, (group = { update, column, values: [] }));
      group.values.push(value);
      continue;
    }
    let q = trx.updateTable(update.table).set(update.set);
    for (const [c, v] of entries) q = q.where(c, '=', v);
    await q.execute();
  }
  for (const { update, column, values } of merged.values()) {
    for (let i = 0; i < values.length; i += MAX_VARIABLES_PER_STATEMENT) {
      await trx
        .updateTable(update.table)
        .set(update.set)
        .where(column, 'in', values.slice(i, i + MAX_VARIABLES_PER_STATEMENT))
        .execute();
    }
  }
}

async function upsert(trx: AnyDb, table: TableName, rows: Row[]): Promise<void> {
  const def = TABLES[table];
  const updatable = updatableColumns(def);
  const chunk = Math.max(1, Math.floor(MAX_VARIABLES_PER_STATEMENT / def.columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await trx
      .insertInto(table)
      .values(part)
      .onConflict((oc) => {
        const target = oc.columns(def.primaryKey as string[]);
        if (updatable.length === 0) return target.doNothing();
        return target.doUpdateSet(
          Object.fromEntries(updatable.map((c) => [c, sql.ref(`excluded.${c}`)])),
        );
      })
      .execute();
  }
}
