import type { Config } from '../config/index.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export { StoreOwnedError } from './store.js';

export interface OpenStoreOptions {
  onSql?: (sql: string, ms: number) => void;
  standby?: boolean;
  onWaiting?: () => void;
}

/** Opens the store that the configuration names. */
export function openStore(config: Config, options: OpenStoreOptions = {}): Store {
  const log =
    config.dbEcho && options.onSql
      ? (event: { level: string; query: { sql: string }; queryDurationMillis: number }) =>
          options.onSql?.(event.query.sql, event.queryDurationMillis)
      : undefined;
  if (config.storage === 'postgres') {
    return openPostgresStore({
      url: config.databaseUrl,
      replicaUrls: config.readReplicaUrls,
      pool: config.dbPool,
      log,
      onOwned: options.standby ? 'wait' : 'fail',
      onWaiting: options.onWaiting,
    });
  }
  return openSqliteStore({
    dataDir: config.storage === 'memory' ? null : config.dataDir,
    synchronous: config.sqliteSynchronous,
    log,
    onOwned: options.standby ? 'wait' : 'fail',
    onWaiting: options.onWaiting,
  });
}
