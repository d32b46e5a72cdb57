// Applies pending database migrations to the store the environment names, then exits.
// Usage: npm run db:migrate   (same variables as the server: ENABLE_DB, DATABASE_URL, DATA_DIR, ...)
// Exit codes: 0 done, 2 bad configuration, 3 another server owns the database, 1 other errors.
import { ConfigError, loadConfig, type Config } from '../src/config/index.js';
import { openStore } from '../src/store/index.js';
import { StoreOwnedError } from '../src/store/store.js';

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  if (config.storage === 'memory') {
    console.error('STORAGE=memory keeps nothing between runs: there is no database to migrate.');
    return 2;
  }
  const store = openStore(config);
  try {
    // The owner lock keeps this from migrating under a running server's feet.
    await store.acquireOwnership();
    const started = performance.now();
    const applied = await store.migrate();
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0)
      console.log(`${store.location}: schema is up to date (nothing to apply).`);
    else
      console.log(
        `${store.location}: applied ${applied.length} migration(s) in ${ms} ms: ${applied.join(', ')}`,
      );
    return 0;
  } catch (err) {
    if (err instanceof StoreOwnedError) {
      console.error(err.message);
      return 3;
    }
    throw err;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Migration failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
