import type pg from 'pg';
import type { TableName } from '../../sim/changes.js';
import { StoreOwnedError } from '../store.js';
import { TABLES, updatableColumns, type Row, type RowBatch } from '../tables.js';

/** Distinct batch shapes prepared per connection; rarer shapes are sent unprepared. */
const MAX_PREPARED_SHAPES = 256;

/** One statement of a batch: its SQL with `$n` for its JSON row set, and that row set. */
interface Step {
  table: TableName;
  sql: (param: string) => string;
  rows: Row[];
}

/**
 * Writes a batch to PostgreSQL with one statement per table and operation: the rows travel as
 * one JSON parameter and `json_populate_recordset` maps them onto the table's own row type.
 * When no table is both deleted from and written to, every statement becomes a
 * data-modifying CTE of a single statement: atomic by itself, one network round trip and one
 * wake-up of the event loop (a transaction of separate statements needs BEGIN, one round trip
 * per statement, and COMMIT). Otherwise the statements run in order inside a transaction, as
 * the batch contract requires: deletes, then updates, then upserts.
 */
export class PgBatchWriter {
  /** Statement texts already named, so each distinct shape is prepared once per connection. */
  private readonly names = new Map<string, string>();

  /** `epoch`: the owner epoch this server took with the lock (see migration 0010). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly epoch: () => number,
  ) {}

  async commit(batch: RowBatch): Promise<void> {
    const steps = batchSteps(batch);
    if (steps.length === 0) return;
    const epoch = String(this.epoch());
    if (isDisjoint(steps)) {
      const ctes = steps.map((st, i) => `s${i} AS (${st.sql(`$${i + 1}`)})`).join(', ');
      const text = `WITH ${ctes}, ${fencedTail(`$${steps.length + 1}`)}`;
      await this.pool
        .query({
          name: this.nameOf(text),
          text,
          values: [...steps.map((st) => JSON.stringify(st.rows)), epoch],
        })
        .catch(deposedOr(epoch));
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const owner = await client.query<{ epoch: string }>(EPOCH_FOR_SHARE);
      if (String(owner.rows[0]?.epoch) !== epoch) throw deposed(epoch);
      for (const st of steps) {
        const text = st.sql('$1');
        await client.query({ name: this.nameOf(text), text, values: [JSON.stringify(st.rows)] });
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** A prepared-statement name for the text; unnamed (parsed each time) past a sane bound. */
  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (!name && this.names.size < MAX_PREPARED_SHAPES)
      this.names.set(text, (name = `batch_${this.names.size}`));
    return name;
  }
}

/**
 * The owner epoch row, locked for the rest of the transaction: a new owner's raise of the epoch
 * waits until this commit is done (and is then loaded by it), or this commit sees the raise
 * and fails. Read committed re-reads a row changed since the snapshot before locking it.
 */
const EPOCH_FOR_SHARE = 'SELECT epoch FROM owner_fence WHERE id = 1 FOR SHARE';
const DEPOSED_MARK = 'deposed-owner-epoch';

/**
 * The end of a one-statement batch: a CTE that locks the epoch row, and a SELECT that is 1 while
 * `param` is still the owner epoch, else a cast that fails and takes the whole statement (every
 * CTE) with it. The cast reads the row, so the planner cannot fold it into an error up front.
 */
const fencedTail = (param: string) =>
  `fence AS (${EPOCH_FOR_SHARE}) SELECT CASE WHEN f.epoch = ${param}::bigint THEN 1 ` +
  `ELSE ('${DEPOSED_MARK} ' || f.epoch)::int END ` +
  `FROM (SELECT coalesce((SELECT epoch FROM fence), -1) AS epoch) f`;

const deposed = (epoch: string) =>
  new StoreOwnedError(
    `Another server owns the database now (this one took it at owner epoch ${epoch}); not writing.`,
  );

/** The failed cast of fencedTail as the StoreOwnedError it means; any other error as is. */
const deposedOr = (epoch: string) => (err: unknown) => {
  if (String((err as Error)?.message).includes(DEPOSED_MARK)) throw deposed(epoch);
  throw err;
};

/**
 * In one statement all CTEs see the same snapshot and their order is unspecified: safe only
 * when each table is touched by one step (then no row can be changed twice).
 */
function isDisjoint(steps: readonly Step[]): boolean {
  const tables = new Set<TableName>();
  for (const st of steps) {
    if (tables.has(st.table)) return false;
    tables.add(st.table);
  }
  return true;
}

/** The batch's statements in contract order: deletes, updates, upserts. */
function batchSteps(batch: RowBatch): Step[] {
  const steps: Step[] = [];
  for (const [table, wheres] of batch.deletes) {
    const groups = new Map<string, Row[]>();
    for (const where of wheres) {
      const key = Object.keys(where).sort().join(',');
      const group = groups.get(key);
      if (group) group.push(where);
      else groups.set(key, [where]);
    }
    for (const [key, rows] of groups) {
      const columns = key.split(',');
      steps.push({ table, rows, sql: (param) => deleteSql(table, columns, param) });
    }
  }
  // A range delete's bound travels as a one-row set, like every other parameter.
  for (const { table, column, below } of batch.ranges ?? [])
    steps.push({
      table,
      rows: [{ [column]: below }],
      sql: (p) => deleteBelowSql(table, column, p),
    });
  // Updates of one shape (table, where and set columns) travel as one JSON row set.
  // A row updated twice keeps the later values (UPDATE ... FROM would pick either).
  const updates = new Map<
    string,
    { table: TableName; where: string[]; set: string[]; rows: Map<string, Row> }
  >();
  for (const u of batch.updates ?? []) {
    const where = Object.keys(u.where).sort();
    const set = Object.keys(u.set).sort();
    const key = `${u.table}:${set.join(',')}:${where.join(',')}`;
    let group = updates.get(key);
    if (!group) updates.set(key, (group = { table: u.table, where, set, rows: new Map() }));
    group.rows.set(JSON.stringify(where.map((c) => u.where[c])), { ...u.set, ...u.where });
  }
  for (const { table, where, set, rows } of updates.values())
    steps.push({ table, rows: [...rows.values()], sql: (p) => updateSql(table, set, where, p) });
  for (const [table, rows] of batch.upserts) {
    if (rows.length > 0)
      steps.push({ table, rows: dedupe(table, rows), sql: (p) => upsertSql(table, p) });
  }
  return steps;
}

/** ON CONFLICT cannot touch one row twice in a statement: the last version of a key wins. */
function dedupe(table: TableName, rows: Row[]): Row[] {
  const pk = TABLES[table].primaryKey;
  if (rows.length < 2) return rows;
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(pk.map((c) => String(row[c])).join('\u0000'), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

function upsertSql(table: TableName, rows: string): string {
  const def = TABLES[table];
  const cols = def.columns.map((c) => `"${c}"`).join(', ');
  const updatable = updatableColumns(def);
  const conflict = updatable.length
    ? `DO UPDATE SET ${updatable.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(null::"${table}", ${rows}::json) ON CONFLICT (${def.primaryKey.map((c) => `"${c}"`).join(', ')}) ${conflict}`;
}

function updateSql(
  table: TableName,
  setColumns: string[],
  whereColumns: string[],
  rows: string,
): string {
  const assignments = setColumns.map((c) => `"${c}" = d."${c}"`).join(', ');
  const match = whereColumns.map((c) => `t."${c}" = d."${c}"`).join(' AND ');
  return `UPDATE "${table}" AS t SET ${assignments} FROM json_populate_recordset(null::"${table}", ${rows}::json) AS d WHERE ${match}`;
}

function deleteBelowSql(table: TableName, column: string, rows: string): string {
  return `DELETE FROM "${table}" AS t USING json_populate_recordset(null::"${table}", ${rows}::json) AS d WHERE t."${column}" < d."${column}"`;
}

function deleteSql(table: TableName, columns: string[], rows: string): string {
  const match = columns.map((c) => `t."${c}" = d."${c}"`).join(' AND ');
  return `DELETE FROM "${table}" AS t USING json_populate_recordset(null::"${table}", ${rows}::json) AS d WHERE ${match}`;
}
