import type { Kysely } from 'kysely';

/** Debris fields left by battles, one per coordinate, collected by recyclers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('debris_fields')
    .addColumn('galaxy', 'integer', (c) => c.notNull())
    .addColumn('system', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('metal', 'double precision', (c) => c.notNull())
    .addColumn('crystal', 'double precision', (c) => c.notNull())
    .addColumn('deuterium', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('debris_fields_pk', ['galaxy', 'system', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('debris_fields').ifExists().execute();
}
