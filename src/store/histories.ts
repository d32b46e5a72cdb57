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
