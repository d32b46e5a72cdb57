import type pg from 'pg';
import type { TableName } from '../../sim/changes.js';
import { TABLES, type Row, type RowBatch } from '../tables.js';

/**
 * Writes a batch to PostgreSQL with one statement per table and operation: the rows travel as
 * one JSON parameter and `json_populate_recordset` maps them onto the table's own row type, so
 * the SQL text is constant (prepared once per connection) whatever the batch size.
 */
export class PgBatchWriter {
  constructor(private readonly pool: pg.Pool) {}

  async commit(batch: RowBatch): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const [table, wheres] of batch.deletes) {
        const groups = new Map<string, Row[]>();
        for (const where of wheres) {
          const key = Object.keys(where).sort().join(',');
          groups.set(key, [...(groups.get(key) ?? []), where]);
        }
        for (const [key, rows] of groups) {
          const columns = key.split(',');
          await client.query({
            name: `d:${table}:${key}`,
            text: deleteSql(table, columns),
            values: [JSON.stringify(rows)],
          });
        }
      }
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
      for (const [key, { table, where, set, rows }] of updates) {
        const text = updateSql(table, set, where);
        await client.query({
          name: `p:${key}`,
          text,
          values: [JSON.stringify([...rows.values()])],
        });
      }
      for (const [table, rows] of batch.upserts) {
        if (rows.length === 0) continue;
        await client.query({
          name: `u:${table}`,
          text: upsertSql(table),
          values: [JSON.stringify(dedupe(table, rows))],
        });
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

/** ON CONFLICT cannot touch one row twice in a statement: the last version of a key wins. */
function dedupe(table: TableName, rows: Row[]): Row[] {
  const pk = TABLES[table].primaryKey;
  if (rows.length < 2) return rows;
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(pk.map((c) => String(row[c])).join('\u0000'), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

function upsertSql(table: TableName): string {
  const def = TABLES[table];
  const cols = def.columns.map((c) => `"${c}"`).join(', ');
  const updatable = def.columns.filter((c) => !def.primaryKey.includes(c));
  const conflict = updatable.length
    ? `DO UPDATE SET ${updatable.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(null::"${table}", $1::json) ON CONFLICT (${def.primaryKey.map((c) => `"${c}"`).join(', ')}) ${conflict}`;
}

function updateSql(table: TableName, setColumns: string[], whereColumns: string[]): string {
  const assignments = setColumns.map((c) => `"${c}" = d."${c}"`).join(', ');
  const match = whereColumns.map((c) => `t."${c}" = d."${c}"`).join(' AND ');
  return `UPDATE "${table}" AS t SET ${assignments} FROM json_populate_recordset(null::"${table}", $1::json) AS d WHERE ${match}`;
}

function deleteSql(table: TableName, columns: string[]): string {
  const match = columns.map((c) => `t."${c}" = d."${c}"`).join(' AND ');
  return `DELETE FROM "${table}" AS t USING json_populate_recordset(null::"${table}", $1::json) AS d WHERE ${match}`;
}
