import type { RowRange, TableName } from '../sim/changes.js';

/**
 * Column lists and primary keys of every persisted table, used by the generic batch writer.
 * The DDL itself lives in migrations/ (one definition for both engines).
 */
export interface TableDef {
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[];
  /** Entity tables that keep closed rows: only rows with these values are loaded at start-up. */
  readonly loadWhere?: Row;
  /** History tables with an in-memory index: these columns of every row are loaded, by id. */
  readonly indexColumns?: readonly string[];
  /**
   * Columns that never change once the row exists (coordinates, owner, names that have a
   * unique index). An upsert leaves them out of its UPDATE, so the engine does not rewrite
   * their index entries on every save of the entity.
   */
  readonly fixedAfterInsert?: readonly string[];
}

/** The columns an upsert of an existing row sets: all but the key and the fixed ones. */
export function updatableColumns(def: TableDef): string[] {
  return def.columns.filter(
    (c) => !def.primaryKey.includes(c) && !(def.fixedAfterInsert ?? []).includes(c),
  );
}

export const TABLES: Record<TableName, TableDef> = {
  users: {
    columns: [
      'id',
      'username',
      'email',
      'password_hash',
      'created_at',
      'last_login',
      'last_active',
      'is_active',
      'active_planet_id',
      'password_changed_at',
    ],
    primaryKey: ['id'],
    fixedAfterInsert: ['username', 'email', 'created_at'],
  },
  planets: {
    columns: [
      'id',
      'owner_id',
      'name',
      'galaxy',
      'system',
      'position',
      'size',
      'temperature',
      'metal',
      'crystal',
      'deuterium',
      'last_update',
      'created_at',
      'buildings',
      'ships',
      'defenses',
    ],
    primaryKey: ['id'],
    fixedAfterInsert: [
      'owner_id',
      'galaxy',
      'system',
      'position',
      'size',
      'temperature',
      'created_at',
    ],
  },
  research: { columns: ['user_id', 'tech', 'level'], primaryKey: ['user_id', 'tech'] },
  queue_items: {
    columns: [
      'id',
      'queue',
      'owner_id',
      'planet_id',
      'item_type',
      'action',
      'level',
      'count',
      'done_count',
      'cost_metal',
      'cost_crystal',
      'cost_deuterium',
      'queued_at',
      'start_time',
      'unit_ms',
      'completion_time',
    ],
    primaryKey: ['id'],
  },
  revoked_tokens: { columns: ['jti', 'user_id', 'expires_at'], primaryKey: ['jti'] },
  sessions: {
    columns: [
      'id',
      'user_id',
      'created_at',
      'last_used_at',
      'expires_at',
      'generation',
      'revoked_at',
    ],
    primaryKey: ['id'],
    fixedAfterInsert: ['user_id', 'created_at'],
  },
  seeded_coordinates: {
    columns: ['galaxy', 'system', 'position'],
    primaryKey: ['galaxy', 'system', 'position'],
  },
  meta: { columns: ['key', 'value'], primaryKey: ['key'] },
  notifications: {
    columns: ['id', 'user_id', 'type', 'payload', 'priority', 'created_at', 'read_at'],
    primaryKey: ['id'],
    // Ids, owners and read marks of the retained notifications: unread counts, retention, 404s.
    indexColumns: ['id', 'user_id', 'read_at'],
  },
  debris_fields: {
    columns: ['galaxy', 'system', 'position', 'metal', 'crystal', 'deuterium'],
    primaryKey: ['galaxy', 'system', 'position'],
  },
  fleets: {
    columns: [
      'id',
      'owner_id',
      'origin_planet_id',
      'origin_galaxy',
      'origin_system',
      'origin_position',
      'target_galaxy',
      'target_system',
      'target_position',
      'target_planet_id',
      'mission',
      'state',
      'speed',
      'distance',
      'fuel',
      'cargo_metal',
      'cargo_crystal',
      'cargo_deuterium',
      'departure_time',
      'arrival_time',
      'hold_until',
      'return_time',
      'recalled',
      'battle_seed',
    ],
    primaryKey: ['id'],
  },
  fleet_ships: {
    columns: ['fleet_id', 'ship_type', 'amount'],
    primaryKey: ['fleet_id', 'ship_type'],
  },
  battle_reports: {
    columns: [
      'id',
      'created_at',
      'attacker_user_id',
      'defender_user_id',
      'galaxy',
      'system',
      'position',
      'fleet_id',
      'seed',
      'outcome',
    ],
    primaryKey: ['id'],
  },
  espionage_reports: {
    columns: [
      'id',
      'created_at',
      'attacker_user_id',
      'defender_user_id',
      'galaxy',
      'system',
      'position',
      'fleet_id',
      'snapshot',
    ],
    primaryKey: ['id'],
  },
  trade_offers: {
    columns: [
      'id',
      'seller_user_id',
      'planet_id',
      'offered_resource',
      'offered_amount',
      'requested_resource',
      'requested_amount',
      'status',
      'created_at',
      'expires_at',
      'accepted_by',
      'accepted_at',
      'closed_at',
    ],
    primaryKey: ['id'],
    // Closed offers stay in the table for GET /trade/offers?status=all; only open ones are live.
    loadWhere: { status: 'open' },
  },
  trade_events: {
    columns: [
      'id',
      'type',
      'offer_id',
      'seller_user_id',
      'buyer_user_id',
      'offered_resource',
      'offered_amount',
      'requested_resource',
      'requested_amount',
      'status',
      'fee',
      'created_at',
    ],
    primaryKey: ['id'],
  },
  inactive_players: { columns: ['user_id', 'marked_at'], primaryKey: ['user_id'] },
  // WebSocket events by their seq, for a reconnect with ?after= (api/ws.ts); `message` is the
  // message's JSON without its envelope. Never updated: an upsert of a known seq changes nothing.
  event_log: {
    columns: ['seq', 'user_id', 'type', 'message', 'created_at'],
    primaryKey: ['seq'],
    fixedAfterInsert: ['user_id', 'type', 'message', 'created_at'],
  },
  // The replies of commands sent with an Idempotency-Key (runtime/idempotency.ts), written in
  // the command's own commit; `scope` is whose key it is (`user:7`, `admin`, `public`).
  idempotency_keys: {
    columns: ['scope', 'key', 'fingerprint', 'status', 'body', 'created_at'],
    primaryKey: ['scope', 'key'],
  },
};

/** Histories: paged from the store on demand, never loaded whole into memory. */
export const HISTORY_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  'notifications',
  'trade_events',
  'battle_reports',
  'espionage_reports',
  'event_log',
  'idempotency_keys',
]);

/** Tables not held whole in memory, whose largest id continues an id sequence at start-up. */
export const ID_SEQUENCE_TABLES: readonly TableName[] = (Object.keys(TABLES) as TableName[]).filter(
  // The event log has no id of its own (its seqs continue with the `event_seq` meta row), nor
  // have the idempotency keys.
  (t) =>
    (HISTORY_TABLES.has(t) || TABLES[t].loadWhere !== undefined) &&
    t !== 'event_log' &&
    t !== 'idempotency_keys',
);

export type Row = Record<string, string | number | null>;

/** Sets `set` on every row whose columns equal the (non-null) values of `where`. */
export interface RowUpdate {
  table: TableName;
  where: Row;
  set: Row;
}

/**
 * Rows to write in one transaction: upserts of full rows and deletes by key. Order: deletes,
 * then updates, then upserts, so deletes and updates only reach rows stored by earlier batches
 * (the unit of work already applied them to the rows it inserts).
 */
export interface RowBatch {
  upserts: Map<TableName, Row[]>;
  /** Deletes by a where-clause: every row whose columns equal the given values. */
  deletes: Map<TableName, Row[]>;
  /** Column updates of history rows (e.g. notifications marked read). */
  updates?: RowUpdate[];
  /** Range deletes of history rows (retention by age), run after the deletes. */
  ranges?: RowRange[];
}

export const isEmptyBatch = (batch: RowBatch): boolean =>
  batch.upserts.size === 0 &&
  batch.deletes.size === 0 &&
  (batch.updates?.length ?? 0) === 0 &&
  (batch.ranges?.length ?? 0) === 0;
