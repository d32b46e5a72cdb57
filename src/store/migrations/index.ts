import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_notifications.js';
import * as m0003 from './0003_debris.js';
import * as m0004 from './0004_fleets.js';
import * as m0005 from './0005_market.js';
import * as m0006 from './0006_planet_units_in_row.js';
import * as m0007 from './0007_sessions.js';
import * as m0008 from './0008_event_log.js';
import * as m0009 from './0009_idempotency_keys.js';
import * as m0010 from './0010_owner_epoch.js';

/**
 * Versioned migrations, applied in name order by Kysely's Migrator (which records them in
 * `kysely_migration` and takes a lock so two processes never migrate at once). Add a file and
 * list it here; never edit a migration that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_notifications': m0002,
  '0003_debris': m0003,
  '0004_fleets': m0004,
  '0005_market': m0005,
  '0006_planet_units_in_row': m0006,
  '0007_sessions': m0007,
  '0008_event_log': m0008,
  '0009_idempotency_keys': m0009,
  '0010_owner_epoch': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
