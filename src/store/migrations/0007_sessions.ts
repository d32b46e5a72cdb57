import type { Kysely } from 'kysely';

/**
 * Sessions (issue 11): one row per login, the family of its rotating refresh tokens. A row
 * stays until it expires, revoked or not, so a replayed refresh token is still recognised.
 * `password_changed_at` on users refuses the tokens without a session (issued before sessions
 * existed) that predate a password change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  // A player's sessions are revoked together (password change) or deleted with the account.
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.dropTable('sessions').ifExists().execute();
}
