/**
 * The unit of work: which persisted entities a command or tick touched. At commit time the
 * current state of every touched entity is written (or deleted), in one transaction.
 */
export type TableName =
  | 'users'
  | 'planets'
  | 'research'
  | 'queue_items'
  | 'revoked_tokens'
  | 'sessions'
  | 'seeded_coordinates'
  | 'meta'
  | 'notifications'
  | 'debris_fields'
  | 'fleets'
  | 'fleet_ships'
  | 'battle_reports'
  | 'espionage_reports'
  | 'trade_offers'
  | 'trade_events'
  | 'inactive_players'
  | 'event_log'
  | 'idempotency_keys';

/** A row of an append-mostly table (notifications, reports, trade events) carried as is. */
export type PlainRow = Record<string, string | number | null>;

/** Rows of `table` whose columns equal every (non-null) value of `where`. */
export interface RowCondition {
  table: TableName;
  where: PlainRow;
}

/** Rows of `table` whose numeric `column` is below `below` (a history's oldest rows). */
export interface RowRange {
  table: TableName;
  column: string;
  below: number;
}

export function rowMatches(row: PlainRow, where: PlainRow): boolean {
  for (const column in where) if (row[column] !== where[column]) return false;
  return true;
}

/** `where` names exactly one row id: the pending-insert check can use the id index. */
const byIdOnly = (where: PlainRow): number | null => {
  let id: number | null = null;
  for (const column in where) {
    if (column !== 'id' || typeof where.id !== 'number') return null;
    id = where.id;
  }
  return id;
};

export class ChangeSet {
  /** table -> entity key -> true (write current state) / false (delete). */
  readonly touched = new Map<TableName, Map<string | number, boolean>>();

  private entry(table: TableName): Map<string | number, boolean> {
    let m = this.touched.get(table);
    if (!m) {
      m = new Map();
      this.touched.set(table, m);
    }
    return m;
  }

  /** Append-mostly rows that live only in the store (histories), written as given. */
  readonly inserts = new Map<TableName, PlainRow[]>();
  /** Bulk deletes by condition on history tables: every row whose columns equal `where`. */
  readonly deletes: RowCondition[] = [];
  /** Bulk updates of history rows (e.g. mark notifications read): `set` on every match. */
  readonly updates: Array<RowCondition & { set: PlainRow }> = [];
  /** Range deletes on history tables (retention by age): every row below a bound. */
  readonly ranges: RowRange[] = [];

  /** Ids of the rows in `inserts`, so deletes by id (retention) skip the scan when they miss. */
  private readonly insertedIds = new Map<TableName, Set<number>>();

  insert(table: TableName, row: PlainRow): void {
    let rows = this.inserts.get(table);
    if (!rows) {
      rows = [];
      this.inserts.set(table, rows);
    }
    rows.push(row);
    if (typeof row.id === 'number') {
      let ids = this.insertedIds.get(table);
      if (!ids) this.insertedIds.set(table, (ids = new Set()));
      ids.add(row.id);
    }
  }

  /**
   * Deletes stored rows matching the condition. Rows inserted earlier in this unit of work are
   * not in the store yet, so they are dropped here; rows inserted later are not affected.
   */
  deleteWhere(table: TableName, where: PlainRow): void {
    const rows = this.inserts.get(table);
    const id = byIdOnly(where);
    if (rows && (id === null || this.insertedIds.get(table)?.has(id))) {
      const kept = rows.filter((row) => !rowMatches(row, where));
      if (kept.length !== rows.length) {
        if (kept.length === 0) this.inserts.delete(table);
        else this.inserts.set(table, kept);
        const ids = this.insertedIds.get(table);
        for (const row of rows)
          if (typeof row.id === 'number' && rowMatches(row, where)) ids?.delete(row.id);
      }
    }
    this.deletes.push({ table, where });
  }

  /**
   * Deletes stored rows whose `column` is below `below`, and the matching rows inserted earlier
   * in this unit of work (as deleteWhere does); rows inserted later are not affected.
   */
  deleteBelow(table: TableName, column: string, below: number): void {
    const rows = this.inserts.get(table);
    if (rows) {
      const kept = rows.filter((row) => !((row[column] as number) < below));
      if (kept.length === 0) this.inserts.delete(table);
      else if (kept.length !== rows.length) this.inserts.set(table, kept);
      const ids = this.insertedIds.get(table);
      for (const row of rows)
        if (typeof row.id === 'number' && (row[column] as number) < below) ids?.delete(row.id);
    }
    this.ranges.push({ table, column, below });
  }

  /**
   * Sets columns of stored rows matching `where` (equality on non-null values; `set` must not
   * name a column of `where`), and of the matching rows inserted earlier in this unit of work.
   */
  updateWhere(table: TableName, where: PlainRow, set: PlainRow): void {
    const id = byIdOnly(where);
    if (id === null || this.insertedIds.get(table)?.has(id)) {
      for (const row of this.inserts.get(table) ?? [])
        if (rowMatches(row, where)) Object.assign(row, set);
    }
    this.updates.push({ table, where, set });
  }

  touch(table: TableName, key: string | number): void {
    this.entry(table).set(key, true);
  }

  /**
   * Planets whose unit levels or counts changed. The levels are columns of the planet row, so
   * this also writes the planet; the set tells the score keeper which holdings to re-price
   * (a planet's resources change far more often than its units).
   */
  readonly unitsChanged = new Set<number>();

  touchUnits(planetId: number): void {
    this.unitsChanged.add(planetId);
    this.touch('planets', planetId);
  }

  remove(table: TableName, key: string | number): void {
    this.entry(table).set(key, false);
  }

  get isEmpty(): boolean {
    return (
      this.touched.size === 0 &&
      this.inserts.size === 0 &&
      this.deletes.length === 0 &&
      this.updates.length === 0 &&
      this.ranges.length === 0
    );
  }

  /** Moves every entry of `other` into this set; later writes win over earlier deletes. */
  absorb(other: ChangeSet): void {
    for (const [table, keys] of other.touched) {
      const mine = this.entry(table);
      for (const [key, write] of keys) mine.set(key, write);
    }
    for (const id of other.unitsChanged) this.unitsChanged.add(id);
    // Everything in `other` happened after everything here: its deletes and updates apply to
    // the rows inserted here, its inserts come last.
    for (const d of other.deletes) this.deleteWhere(d.table, d.where);
    for (const r of other.ranges) this.deleteBelow(r.table, r.column, r.below);
    for (const u of other.updates) this.updateWhere(u.table, u.where, u.set);
    for (const [table, rows] of other.inserts) for (const row of rows) this.insert(table, row);
  }
}
