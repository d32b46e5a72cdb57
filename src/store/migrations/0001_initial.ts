import type { Kysely } from 'kysely';

/**
 * The initial schema. Written with Kysely's schema builder so the same definition creates
 * identical tables in SQLite and PostgreSQL. Times are epoch milliseconds (bigint); resource
 * amounts are doubles because production accrues continuously; booleans are 0/1 integers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_login', 'bigint')
    .addColumn('last_active', 'bigint', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('active_planet_id', 'bigint')
    .execute();
  await db.schema
    .createIndex('users_username_idx')
    .on('users')
    .column('username')
    .unique()
    .execute();
  await db.schema.createIndex('users_email_idx').on('users').column('email').unique().execute();

  await db.schema
    .createTable('planets')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('galaxy', 'integer', (c) => c.notNull())
    .addColumn('system', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('temperature', 'integer', (c) => c.notNull())
    .addColumn('metal', 'double precision', (c) => c.notNull())
    .addColumn('crystal', 'double precision', (c) => c.notNull())
    .addColumn('deuterium', 'double precision', (c) => c.notNull())
    .addColumn('last_update', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planets_coords_idx')
    .on('planets')
    .columns(['galaxy', 'system', 'position'])
    .unique()
    .execute();
  await db.schema.createIndex('planets_owner_idx').on('planets').column('owner_id').execute();

  await db.schema
    .createTable('planet_units')
    .addColumn('planet_id', 'bigint', (c) => c.notNull())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('planet_units_pk', ['planet_id', 'unit_type'])
    .execute();

  await db.schema
    .createTable('research')
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('tech', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('research_pk', ['user_id', 'tech'])
    .execute();

  await db.schema
    .createTable('queue_items')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    .addColumn('planet_id', 'bigint', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('done_count', 'bigint', (c) => c.notNull())
    .addColumn('cost_metal', 'double precision', (c) => c.notNull())
    .addColumn('cost_crystal', 'double precision', (c) => c.notNull())
    .addColumn('cost_deuterium', 'double precision', (c) => c.notNull())
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('start_time', 'bigint', (c) => c.notNull())
    .addColumn('unit_ms', 'bigint', (c) => c.notNull())
    .addColumn('completion_time', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('revoked_tokens')
    .addColumn('jti', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('seeded_coordinates')
    .addColumn('galaxy', 'integer', (c) => c.notNull())
    .addColumn('system', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('seeded_coordinates_pk', ['galaxy', 'system', 'position'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'meta',
    'seeded_coordinates',
    'revoked_tokens',
    'queue_items',
    'research',
    'planet_units',
    'planets',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
