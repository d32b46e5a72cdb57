import { sql, type Kysely } from 'kysely';

/**
 * The WebSocket event log (issue 11): every event with a seq that is not a stored notification,
 * kept EVENT_LOG_RETENTION_SECONDS, so a client reconnecting with `/ws?after=<seq>` gets what it
 * missed. Read per player in seq order, hence the (user_id, seq) index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_log_user_idx')
    .on('event_log')
    .columns(['user_id', 'seq'])
    .execute();
  // Events numbered before the log existed were never logged: a client resuming from one of
  // them is told its replay is truncated, exactly as if the log had been pruned up to here.
  await sql`INSERT INTO meta ("key", "value")
    SELECT 'event_log_pruned_seq', "value" FROM meta WHERE "key" = 'event_seq'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM meta WHERE "key" = 'event_log_pruned_seq'`.execute(db);
  await db.schema.dropTable('event_log').ifExists().execute();
}
