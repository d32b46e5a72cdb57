import { ConfigError, loadConfig } from './config/index.js';
import { createServer } from './server.js';
import { DataDirError, StoreOwnedError } from './store/store.js';

/** Process entry point: build the server, listen, and stop gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const standby = process.argv.includes('--standby');
  let server;
  try {
    server = await createServer(config, { standby });
  } catch (err) {
    if (err instanceof StoreOwnedError) {
      console.error(err.message);
      process.exit(3);
    }
    if (err instanceof DataDirError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = server.app.log;
  const address = await server.listen();
  log.info(
    {
      address,
      store: server.store.location,
      ruleset: config.ruleset,
      startupMs: Math.round(performance.now()),
    },
    'server listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await server.close();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
