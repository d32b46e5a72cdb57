import { sql, type Kysely } from 'kysely';

/**
 * The owner epoch (issue 14): PostgreSQL's owner raises it when it takes the advisory lock and
 * every commit checks it in its own transaction, so a server that lost the lock without
 * noticing can never commit after a new owner loaded the world. The row must exist before any
 * owner commits: a check that found no row could not lock it against the new owner's raise.
 * Not part of the world (never loaded, never in a batch); the embedded store, owned through an
 * operating-system lock, has the table but never reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('owner_fence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO owner_fence (id, epoch) VALUES (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('owner_fence').ifExists().execute();
}
