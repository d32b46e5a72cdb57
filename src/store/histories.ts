import type { Kysely } from 'kysely';
import type { OfferStatus } from '../sim/market/types.js';
import type { Row } from './tables.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Paged reads of the history tables, newest first (ids grow with time). Run through
 * `store.read`, so a read replica answers when one is configured.
 */
export const notificationPage = (
  db: AnyDb,
  userId: number,
  page: Page & { unreadOnly: boolean },
): Promise<Row[]> => {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute() as Promise<Row[]>;
};

/** What a reconnecting WebSocket client missed (see notificationsAfter). */
export interface MissedNotifications {
  /** The player's stored notifications with an id above `after`, oldest first. */
  rows: Row[];
  /**
   * Whether older ones may have been missed: the inbox holds `retention` notifications (so
   * some may have been dropped) and none of them is at or below `after`.
   */
  truncated: boolean;
}

/**
 * The stored notifications of a player with an id above `after`, ascending, at most `retention`
 * (no more are kept per player). Run on the primary (`store.readPrimary`): a replica may not
 * have the latest commit yet, and a missed notification would be lost for good.
 */
export const notificationsAfter = async (
  db: AnyDb,
  userId: number,
  after: number,
  retention: number,
): Promise<MissedNotifications> => {
  const rows = (await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '>', after)
    .orderBy('id', 'asc')
    .limit(retention)
    .execute()) as Row[];
  if (rows.length < retention) return { rows, truncated: false };
  const older = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '<=', after)
    .limit(1)
    .executeTakeFirst();
  return { rows, truncated: older === undefined };
};

/** A logged event of a player (see runtime/event-log.ts). */
export interface LoggedEvent {
  seq: number;
  /** The message's JSON, without `seq` and `server_time`. */
  message: string;
}

/** What a reconnecting WebSocket client missed besides notifications (see eventsAfter). */
export interface MissedEvents {
  /** The player's logged events with a seq above `after`, oldest first. */
  rows: LoggedEvent[];
  /** More than `cap` were logged: only the newest `cap` are in `rows`. */
  truncated: boolean;
}

/**
 * The newest `cap` logged events of a player with a seq above `after`, ascending. Run on the
 * primary (`store.readPrimary`), like notificationsAfter.
 */
export const eventsAfter = async (
  db: AnyDb,
  userId: number,
  after: number,
  cap: number,
): Promise<MissedEvents> => {
  const rows = (await db
    .selectFrom('event_log')
    .select(['seq', 'message'])
    .where('user_id', '=', userId)
    .where('seq', '>', after)
    .orderBy('seq', 'desc')
    .limit(cap + 1)
    .execute()) as Array<{ seq: number | string; message: string }>;
  const truncated = rows.length > cap;
  const kept = truncated ? rows.slice(0, cap) : rows;
  return {
    rows: kept.reverse().map((r) => ({ seq: Number(r.seq), message: r.message })),
    truncated,
  };
};

/**
 * Where to cut the event log for a retention that keeps rows created at or after `cutoff`: the
 * seq of its oldest row to keep (every row below it goes), or null when nothing is old enough.
 * Seqs grow with commit order, so the rows below the first one kept are the old ones, and a row
 * committed after this read is above the bound. Reads from the oldest row up, on the seq index,
 * so the cost is the rows to prune, not the table.
 */
export const eventLogPruneBound = async (db: AnyDb, cutoff: number): Promise<number | null> => {
  const oldest = await db
    .selectFrom('event_log')
    .select(['seq', 'created_at'])
    .orderBy('seq', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (oldest === undefined || Number(oldest.created_at) >= cutoff) return null;
  const kept = await db
    .selectFrom('event_log')
    .select('seq')
    .where('created_at', '>=', cutoff)
    .orderBy('seq', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (kept !== undefined) return Number(kept.seq);
  const last = await db
    .selectFrom('event_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  return Number(last.seq) + 1;
};

/** Everything a reconnecting WebSocket client missed (see missedAfter). */
export interface Missed {
  notifications: MissedNotifications;
  events: MissedEvents;
}

/**
 * What a reconnect with `?after=` replays: the player's stored notifications (at most the
 * retention) and logged events (at most `limits.events`) above `after`. Run on the primary
 * (`store.readPrimary`): a replica may not have the latest commit yet, and anything missing
 * there would be lost for good.
 */
export const missedAfter = async (
  db: AnyDb,
  userId: number,
  after: number,
  limits: { notifications: number; events: number },
): Promise<Missed> => ({
  notifications: await notificationsAfter(db, userId, after, limits.notifications),
  events: await eventsAfter(db, userId, after, limits.events),
});

/** Events where the player sold or bought. */
export const tradeEventPage = (db: AnyDb, userId: number, page: Page): Promise<Row[]> =>
  db
    .selectFrom('trade_events')
    .selectAll()
    .where((eb) => eb.or([eb('seller_user_id', '=', userId), eb('buyer_user_id', '=', userId)]))
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<Row[]>;

/** Offers of one status (null: every status), newest first. */
export const offerPage = (db: AnyDb, status: OfferStatus | null, page: Page): Promise<Row[]> => {
  let q = db.selectFrom('trade_offers').selectAll();
  if (status !== null) q = q.where('status', '=', status);
  return q.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute() as Promise<Row[]>;
};

/** A command's reply kept under its Idempotency-Key (see runtime/idempotency.ts). */
export interface StoredReply {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * The reply stored under `scope` and `key` at or after `since` (older ones have expired and are
 * about to be pruned). Run on the primary: a replica may not have the original's commit yet.
 */
export const storedReply = async (
  db: AnyDb,
  scope: string,
  key: string,
  since: number,
): Promise<StoredReply | null> => {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row ? { fingerprint: row.fingerprint, status: Number(row.status), body: row.body } : null;
};
