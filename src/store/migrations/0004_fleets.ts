import type { Kysely } from 'kysely';

/**
 * Fleets away from home (one row each, plus one `fleet_ships` row per ship type) and the battle
 * and espionage report histories, readable by both participants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fleets')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    .addColumn('origin_planet_id', 'bigint', (c) => c.notNull())
    .addColumn('origin_galaxy', 'integer', (c) => c.notNull())
    .addColumn('origin_system', 'integer', (c) => c.notNull())
    .addColumn('origin_position', 'integer', (c) => c.notNull())
    .addColumn('target_galaxy', 'integer', (c) => c.notNull())
    .addColumn('target_system', 'integer', (c) => c.notNull())
    .addColumn('target_position', 'integer', (c) => c.notNull())
    .addColumn('target_planet_id', 'bigint')
    .addColumn('mission', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('speed', 'double precision', (c) => c.notNull())
    .addColumn('distance', 'double precision', (c) => c.notNull())
    .addColumn('fuel', 'double precision', (c) => c.notNull())
    .addColumn('cargo_metal', 'double precision', (c) => c.notNull())
    .addColumn('cargo_crystal', 'double precision', (c) => c.notNull())
    .addColumn('cargo_deuterium', 'double precision', (c) => c.notNull())
    .addColumn('departure_time', 'bigint', (c) => c.notNull())
    .addColumn('arrival_time', 'bigint', (c) => c.notNull())
    .addColumn('hold_until', 'bigint')
    .addColumn('return_time', 'bigint')
    .addColumn('recalled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('battle_seed', 'bigint')
    .execute();

  await db.schema
    .createTable('fleet_ships')
    .addColumn('fleet_id', 'bigint', (c) => c.notNull())
    .addColumn('ship_type', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('fleet_ships_pk', ['fleet_id', 'ship_type'])
    .execute();

  for (const table of ['battle_reports', 'espionage_reports'] as const) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('attacker_user_id', 'bigint', (c) => c.notNull())
      .addColumn('defender_user_id', 'bigint', (c) => c.notNull())
      .addColumn('galaxy', 'integer', (c) => c.notNull())
      .addColumn('system', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('fleet_id', 'bigint', (c) => c.notNull());
    builder =
      table === 'battle_reports'
        ? builder
            .addColumn('seed', 'bigint', (c) => c.notNull())
            .addColumn('outcome', 'text', (c) => c.notNull())
        : builder.addColumn('snapshot', 'text', (c) => c.notNull());
    await builder.execute();
    // A player's reports are listed newest first from either side of the report.
    await db.schema
      .createIndex(`${table}_attacker_idx`)
      .on(table)
      .columns(['attacker_user_id', 'id'])
      .execute();
    await db.schema
      .createIndex(`${table}_defender_idx`)
      .on(table)
      .columns(['defender_user_id', 'id'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['espionage_reports', 'battle_reports', 'fleet_ships', 'fleets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
