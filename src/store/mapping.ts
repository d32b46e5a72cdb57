import type { ChangeSet, TableName } from '../sim/changes.js';
import type { Planet, QueueItem, User } from '../sim/types.js';
import { EVENT_SEQ_KEY, idSequenceKey, KEPT_SEQUENCES, World } from '../sim/world.js';
import { LAST_DELETED_USER_ID_KEY } from '../sim/players/remove.js';
import { FLEET_KEY_COLUMNS, FLEET_SERIALIZERS, loadFleets } from './fleet-mapping.js';
import { loadMarket, MARKET_KEY_COLUMNS, MARKET_SERIALIZERS } from './market-mapping.js';
import { loadSessions, SESSION_KEY_COLUMNS, SESSION_SERIALIZERS } from './session-mapping.js';
import type { Row, RowBatch } from './tables.js';

const num = (v: unknown): number => Number(v);

function userRow(u: User, passwordChangedAt: number | null): Row {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    password_hash: u.passwordHash,
    created_at: u.createdAt,
    last_login: u.lastLogin,
    last_active: u.lastActive,
    is_active: u.isActive ? 1 : 0,
    active_planet_id: u.activePlanetId,
    password_changed_at: passwordChangedAt,
  };
}

function planetRow(p: Planet): Row {
  return {
    id: p.id,
    owner_id: p.ownerId,
    name: p.name,
    galaxy: p.galaxy,
    system: p.system,
    position: p.position,
    size: p.size,
    temperature: p.temperature,
    metal: p.resources.metal,
    crystal: p.resources.crystal,
    deuterium: p.resources.deuterium,
    last_update: p.lastUpdate,
    created_at: p.createdAt,
    // Unit levels and counts travel with the planet: a completion writes one row, not two.
    buildings: JSON.stringify(p.buildings),
    ships: JSON.stringify(p.ships),
    defenses: JSON.stringify(p.defenses),
  };
}

function queueRow(q: QueueItem): Row {
  return {
    id: q.id,
    queue: q.queue,
    owner_id: q.ownerId,
    planet_id: q.planetId,
    item_type: q.type,
    action: q.action,
    level: q.level,
    count: q.count,
    done_count: q.doneCount,
    cost_metal: q.cost.metal,
    cost_crystal: q.cost.crystal,
    cost_deuterium: q.cost.deuterium,
    queued_at: q.queuedAt,
    start_time: q.startTime,
    unit_ms: q.unitMs,
    completion_time: q.completionTime,
  };
}

/** For each table: the rows that represent entity `key` now, or null if it no longer exists. */
const SERIALIZERS: Record<TableName, (world: World, key: string | number) => Row[] | null> = {
  users: (w, k) => {
    const u = w.users.get(num(k));
    return u ? [userRow(u, w.sessions.passwordChangedAt(u.id))] : null;
  },
  planets: (w, k) => {
    const p = w.planets.get(num(k));
    return p ? [planetRow(p)] : null;
  },
  research: (w, k) => {
    const u = w.users.get(num(k));
    if (!u) return null;
    return Object.entries(u.research).map(([tech, level]) => ({ user_id: u.id, tech, level }));
  },
  queue_items: (w, k) => {
    const q = w.queueItems.get(num(k));
    return q ? [queueRow(q)] : null;
  },
  revoked_tokens: (w, k) => {
    const t = w.revokedTokens.get(String(k));
    return t ? [{ jti: String(k), user_id: t.userId, expires_at: t.expiresAt }] : null;
  },
  seeded_coordinates: (w, k) => {
    const [galaxy, system, position] = String(k).split(':').map(Number);
    const present = w.seededCoordinates.some(
      (c) => c.galaxy === galaxy && c.system === system && c.position === position,
    );
    return present ? [{ galaxy: galaxy ?? 0, system: system ?? 0, position: position ?? 0 }] : null;
  },
  meta: (w, k) => {
    const v = w.meta.get(String(k));
    return v === undefined ? null : [{ key: String(k), value: v }];
  },
  // History tables are written through ChangeSet.insert, never by touching an entity.
  notifications: () => null,
  event_log: () => null,
  idempotency_keys: () => null,
  debris_fields: (w, k) => {
    const d = w.debrisFields.get(String(k));
    return d ? [{ ...d }] : null;
  },
  ...FLEET_SERIALIZERS,
  ...MARKET_SERIALIZERS,
  ...SESSION_SERIALIZERS,
};

/** The delete conditions that remove entity `key` from a table. */
const KEY_COLUMNS: Record<TableName, (key: string | number) => Row> = {
  users: (k) => ({ id: num(k) }),
  planets: (k) => ({ id: num(k) }),
  research: (k) => ({ user_id: num(k) }),
  queue_items: (k) => ({ id: num(k) }),
  revoked_tokens: (k) => ({ jti: String(k) }),
  seeded_coordinates: (k) => {
    const [galaxy, system, position] = String(k).split(':').map(Number);
    return { galaxy: galaxy ?? 0, system: system ?? 0, position: position ?? 0 };
  },
  meta: (k) => ({ key: String(k) }),
  notifications: (k) => ({ id: num(k) }),
  event_log: (k) => ({ seq: num(k) }),
  idempotency_keys: (k) => {
    const [scope, ...key] = String(k).split(' ');
    return { scope: scope ?? '', key: key.join(' ') };
  },
  debris_fields: (k) => {
    const [galaxy, system, position] = String(k).split(':').map(Number);
    return { galaxy: galaxy ?? 0, system: system ?? 0, position: position ?? 0 };
  },
  ...FLEET_KEY_COLUMNS,
  ...MARKET_KEY_COLUMNS,
  ...SESSION_KEY_COLUMNS,
};

/** Tables in which one entity (a player's research, a fleet's ships) spans several rows. */
const MULTI_ROW_TABLES: ReadonlySet<TableName> = new Set<TableName>(['research', 'fleet_ships']);

/**
 * One entry per entity even if it was touched as 7 and as "7": a row twice in one upsert
 * statement is an error in PostgreSQL ("cannot affect row a second time"). Keys of one type
 * (the usual case: numeric ids) are unique already.
 */
function uniqueKeys(touched: Map<string | number, boolean>): Iterable<[string | number, boolean]> {
  let numbers = 0;
  for (const key of touched.keys()) if (typeof key === 'number') numbers++;
  if (numbers === 0 || numbers === touched.size) return touched;
  const keys = new Map<string, boolean>();
  for (const [key, write] of touched) keys.set(String(key), write);
  return keys;
}

/**
 * Serialises the current state of every touched entity. Runs synchronously at flush time, so
 * the batch is a consistent snapshot of the world between two commands.
 */
export function toRowBatch(changes: ChangeSet, world: World): RowBatch {
  const batch: RowBatch = { upserts: new Map(), deletes: new Map() };
  for (const [table, touched] of changes.touched) {
    const upserts: Row[] = [];
    const deletes: Row[] = [];
    for (const [key, write] of uniqueKeys(touched)) {
      const rows = write ? SERIALIZERS[table](world, key) : null;
      if (rows === null) deletes.push(KEY_COLUMNS[table](key));
      else {
        // An entity spread over several rows is replaced whole (deletes run before upserts),
        // so a technology or ship type removed from its map does not come back after a restart.
        if (MULTI_ROW_TABLES.has(table)) deletes.push(KEY_COLUMNS[table](key));
        upserts.push(...rows);
      }
    }
    if (upserts.length > 0) batch.upserts.set(table, upserts);
    if (deletes.length > 0) batch.deletes.set(table, deletes);
  }
  for (const [table, rows] of changes.inserts) {
    batch.upserts.set(table, [...(batch.upserts.get(table) ?? []), ...rows]);
  }
  for (const { table, where } of changes.deletes) {
    const wheres = batch.deletes.get(table);
    if (wheres) wheres.push(where);
    else batch.deletes.set(table, [where]);
  }
  if (changes.updates.length > 0)
    batch.updates = changes.updates.map(({ table, where, set }) => ({ table, where, set }));
  if (changes.ranges.length > 0) batch.ranges = changes.ranges.map((range) => ({ ...range }));
  return batch;
}

/**
 * One shared copy of each distinct string: the columns whose values repeat across thousands of
 * rows (queue kinds, item types, default planet names) would otherwise cost a string each.
 */
function interner(): (value: unknown) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const s = String(value);
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
}

/**
 * Copies a units/levels map built key by key into an object with all its properties in-object
 * (a map with more than four keys spills the rest into a separate property array otherwise).
 * Maps with the same keys in the same order share one template, and so one hidden class.
 */
function compactor(): (levels: Record<string, number>) => Record<string, number> {
  const templates = new Map<string, Record<string, number>>();
  return (levels) => {
    const keys = Object.keys(levels);
    if (keys.length === 0) return levels;
    const signature = keys.join('\u0000');
    let template = templates.get(signature);
    if (!template) {
      // JSON.parse sizes an object for exactly its properties; a spread copies that layout.
      template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 0])))) as Record<
        string,
        number
      >;
      templates.set(signature, template);
    }
    const copy = { ...template };
    for (const key of keys) copy[key] = levels[key] as number;
    return copy;
  };
}

/**
 * A planet's unit column: a JSON object of unit type to level or count. JSON.parse builds it with
 * every property in-object, and maps with the same keys in the same order share a hidden class.
 */
function unitMap(value: Row[string] | undefined): Record<string, number> {
  return typeof value === 'string' && value !== '{}'
    ? (JSON.parse(value) as Record<string, number>)
    : {};
}

/** Rebuilds the world from every stored row. */
export function buildWorld(rows: Record<TableName, Row[]>): World {
  const world = new World();
  const intern = interner();
  const compact = compactor();
  const research = new Map<number, Record<string, number>>();
  for (const r of rows.research) {
    const uid = num(r.user_id);
    let levels = research.get(uid);
    if (!levels) research.set(uid, (levels = {}));
    levels[String(r.tech)] = num(r.level);
  }
  for (const r of rows.users) {
    const id = num(r.id);
    const levels = research.get(id);
    world.addUser({
      id,
      username: String(r.username),
      email: String(r.email),
      passwordHash: String(r.password_hash),
      createdAt: num(r.created_at),
      lastLogin: r.last_login === null ? null : num(r.last_login),
      lastActive: num(r.last_active),
      isActive: num(r.is_active) === 1,
      activePlanetId: r.active_planet_id === null ? null : num(r.active_planet_id),
      research: levels ? compact(levels) : {},
    });
  }
  for (const r of rows.planets) {
    const planet: Planet = {
      id: num(r.id),
      ownerId: num(r.owner_id),
      name: intern(r.name),
      galaxy: num(r.galaxy),
      system: num(r.system),
      position: num(r.position),
      size: num(r.size),
      temperature: num(r.temperature),
      resources: { metal: num(r.metal), crystal: num(r.crystal), deuterium: num(r.deuterium) },
      lastUpdate: num(r.last_update),
      buildings: unitMap(r.buildings),
      ships: unitMap(r.ships),
      defenses: unitMap(r.defenses),
      createdAt: num(r.created_at),
    };
    world.addPlanet(planet);
  }
  for (const r of rows.queue_items) {
    world.addQueueItem({
      id: num(r.id),
      queue: intern(r.queue) as QueueItem['queue'],
      ownerId: num(r.owner_id),
      planetId: num(r.planet_id),
      type: intern(r.item_type),
      action: intern(r.action) as QueueItem['action'],
      level: num(r.level),
      count: num(r.count),
      doneCount: num(r.done_count),
      cost: {
        metal: num(r.cost_metal),
        crystal: num(r.cost_crystal),
        deuterium: num(r.cost_deuterium),
      },
      queuedAt: num(r.queued_at),
      startTime: num(r.start_time),
      unitMs: num(r.unit_ms),
      completionTime: num(r.completion_time),
    });
  }
  for (const r of rows.revoked_tokens) {
    world.revokedTokens.set(String(r.jti), {
      userId: num(r.user_id),
      expiresAt: num(r.expires_at),
    });
  }
  world.seededCoordinates = rows.seeded_coordinates
    .map((r) => ({ galaxy: num(r.galaxy), system: num(r.system), position: num(r.position) }))
    .sort((a, b) => a.galaxy - b.galaxy || a.system - b.system || a.position - b.position);
  for (const r of rows.meta) world.meta.set(String(r.key), String(r.value));
  for (const r of rows.debris_fields) {
    const field = {
      galaxy: num(r.galaxy),
      system: num(r.system),
      position: num(r.position),
      metal: num(r.metal),
      crystal: num(r.crystal),
      deuterium: num(r.deuterium),
    };
    world.debrisFields.set(`${field.galaxy}:${field.system}:${field.position}`, field);
  }
  loadFleets(world, rows.fleets, rows.fleet_ships);
  loadMarket(world, rows);
  loadSessions(world, rows);
  return world;
}

/** Loads the world from a store: every entity table, plus the id sequences of histories. */
export async function loadWorld(store: {
  loadAll(): Promise<Record<TableName, Row[]>>;
  maxIds(): Promise<Partial<Record<TableName, number>>>;
}): Promise<World> {
  const world = buildWorld(await store.loadAll());
  const ids = await store.maxIds();
  // The event sequence (notification ids and WebSocket `seq`s) continues above both its last
  // written number and the largest stored notification id.
  world.bumpId('notification', ids.notifications ?? 0);
  world.bumpId('notification', Number(world.meta.get(EVENT_SEQ_KEY) ?? 0));
  world.bumpId('battleReport', ids.battle_reports ?? 0);
  world.bumpId('espionageReport', ids.espionage_reports ?? 0);
  world.bumpId('offer', ids.trade_offers ?? 0);
  world.bumpId('tradeEvent', ids.trade_events ?? 0);
  // Above every deleted player too: a new account must not inherit a deleted one's id.
  world.bumpId('user', Number(world.meta.get(LAST_DELETED_USER_ID_KEY) ?? 0));
  for (const kind of KEPT_SEQUENCES)
    world.bumpId(kind, Number(world.meta.get(idSequenceKey(kind)) ?? 0));
  return world;
}
