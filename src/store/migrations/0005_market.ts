import type { Kysely } from 'kysely';

/**
 * The marketplace (offers and their history) and the cleanup's inactivity marks. Offers keep
 * their row when they close (status accepted/cancelled/expired), so the full list stays
 * browsable; only open offers are loaded into memory at start-up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trade_offers')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('seller_user_id', 'bigint', (c) => c.notNull())
    .addColumn('planet_id', 'bigint', (c) => c.notNull())
    .addColumn('offered_resource', 'text', (c) => c.notNull())
    .addColumn('offered_amount', 'bigint', (c) => c.notNull())
    .addColumn('requested_resource', 'text', (c) => c.notNull())
    .addColumn('requested_amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('accepted_by', 'bigint')
    .addColumn('accepted_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('trade_offers_status_idx')
    .on('trade_offers')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('trade_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('offer_id', 'bigint', (c) => c.notNull())
    .addColumn('seller_user_id', 'bigint', (c) => c.notNull())
    .addColumn('buyer_user_id', 'bigint')
    .addColumn('offered_resource', 'text', (c) => c.notNull())
    .addColumn('offered_amount', 'bigint', (c) => c.notNull())
    .addColumn('requested_resource', 'text', (c) => c.notNull())
    .addColumn('requested_amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fee', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // A player's history is "seller or buyer", newest first: one index per side.
  await db.schema
    .createIndex('trade_events_seller_idx')
    .on('trade_events')
    .columns(['seller_user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('trade_events_buyer_idx')
    .on('trade_events')
    .columns(['buyer_user_id', 'id'])
    .execute();

  await db.schema
    .createTable('inactive_players')
    .addColumn('user_id', 'bigint', (c) => c.primaryKey())
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['inactive_players', 'trade_events', 'trade_offers']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
