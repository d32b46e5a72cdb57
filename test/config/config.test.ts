import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONFIG_SPEC, type ConfigVarName } from '../../src/config/spec.js';
import {
  ConfigError,
  LEGACY_JWT_SECRET,
  loadConfig,
  normalizePostgresUrl,
} from '../../src/config/index.js';

/** Asserts that loading `env` stops with a ConfigError naming `variable`. */
function assertRejects(env: Record<string, string>, variable: string): void {
  assert.throws(
    () => loadConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(variable));
      return true;
    },
  );
}

describe('defaults', () => {
  test('an empty environment gives the specification defaults', () => {
    const c = loadConfig({});
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.port, 8000);
    assert.equal(c.tickRateHz, 1);
    assert.equal(c.saveIntervalSeconds, 60);
    assert.equal(c.persistIntervalSeconds, 60);
    assert.equal(c.cleanupDays, 30);
    assert.equal(c.storage, 'embedded');
    assert.equal(c.dataDir, './data');
    assert.equal(c.ruleset, 'seed');
    assert.equal(c.databaseUrl, 'postgresql+asyncpg://ogame:ogame@localhost:5432/ogame');
    assert.deepEqual(c.readReplicaUrls, []);
    assert.equal(c.dbEcho, false);
    assert.deepEqual(c.dbPool, {
      prePing: true,
      size: 5,
      maxOverflow: 10,
      timeoutSeconds: 30,
      recycleSeconds: 1800,
    });
    assert.equal(c.migrateOnStart, true);
    assert.deepEqual(c.jwt, {
      secret: null,
      algorithm: 'HS256',
      expireMinutes: 1440,
      refreshExpireDays: 30,
    });
    assert.equal(c.rateLimitPerMinute, 100);
    assert.equal(c.authRateLimitPerMinute, 30);
    assert.deepEqual(c.cors, { origins: ['*'], credentials: true, methods: ['*'], headers: ['*'] });
    assert.deepEqual(c.universe, {
      galaxies: 9,
      systems: 499,
      positions: 15,
      maxPlayers: 512,
      initialPlanets: 1024,
      seed: null,
    });
    assert.deepEqual(c.starter, {
      requireStartChoice: false,
      planetName: 'Homeworld',
      metal: 500,
      crystal: 300,
      deuterium: 100,
      sizeMin: 140,
      sizeMax: 200,
      temperatureMin: -40,
      temperatureMax: 60,
    });
    assert.equal(c.gameplay.colonizationTimeSeconds, 1);
    assert.equal(c.gameplay.baseMaxFleetSize, 50);
    assert.equal(c.gameplay.fleetSizePerComputerLevel, 10);
    assert.equal(c.gameplay.tradeFeeRate, 0);
    assert.equal(c.adminToken, null);
    assert.equal(c.logLevel, 'info');
    assert.equal(c.trustProxy, false);
    assert.equal(c.production, false);
  });

  test('DEV_FAST_INTERVALS shortens the save interval to 5 s, and PERSIST_INTERVAL_SECONDS follows it', () => {
    const c = loadConfig({ DEV_FAST_INTERVALS: 'true' });
    assert.equal(c.saveIntervalSeconds, 5);
    assert.equal(c.persistIntervalSeconds, 5);
  });

  test('PERSIST_INTERVAL_SECONDS defaults to SAVE_INTERVAL_SECONDS, and can be set on its own', () => {
    assert.equal(loadConfig({ SAVE_INTERVAL_SECONDS: '30' }).persistIntervalSeconds, 30);
    const c = loadConfig({ SAVE_INTERVAL_SECONDS: '30', PERSIST_INTERVAL_SECONDS: '7' });
    assert.equal(c.saveIntervalSeconds, 30);
    assert.equal(c.persistIntervalSeconds, 7);
    // An explicit SAVE_INTERVAL_SECONDS wins over DEV_FAST_INTERVALS.
    assert.equal(
      loadConfig({ SAVE_INTERVAL_SECONDS: '30', DEV_FAST_INTERVALS: '1' }).saveIntervalSeconds,
      30,
    );
  });

  test('INITIAL_PLANETS defaults to twice MAX_PLAYERS', () => {
    assert.equal(loadConfig({ MAX_PLAYERS: '10' }).universe.initialPlanets, 20);
    assert.equal(
      loadConfig({ MAX_PLAYERS: '10', INITIAL_PLANETS: '3' }).universe.initialPlanets,
      3,
    );
  });

  test('blank values fall back to the default, and values are trimmed', () => {
    const c = loadConfig({
      PORT: '  ',
      TICK_RATE: ' 2.5 ',
      CORS_ALLOW_ORIGINS: ' https://a.example , https://b.example ,',
    });
    assert.equal(c.port, 8000);
    assert.equal(c.tickRateHz, 2.5);
    assert.deepEqual(c.cors.origins, ['https://a.example', 'https://b.example']);
  });

  test('booleans accept the usual spellings in any case', () => {
    for (const v of ['true', 'TRUE', 'True', '1', 'yes', 'on'])
      assert.equal(loadConfig({ DB_ECHO: v }).dbEcho, true, v);
    for (const v of ['false', 'FALSE', '0', 'no', 'off'])
      assert.equal(loadConfig({ DB_ECHO: v }).dbEcho, false, v);
  });

  test('every spec default parses (the table cannot hold a default its own parser rejects)', () => {
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(CONFIG_SPEC)) env[name] = spec.default;
    assert.doesNotThrow(() => loadConfig(env));
  });
});

describe('bad values stop startup with a ConfigError naming the variable', () => {
  const cases: Array<[ConfigVarName | 'JWT_SECRET', string]> = [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['TICK_RATE', 'fast'],
    ['TICK_RATE', '0'],
    ['TICK_RATE', 'Infinity'],
    ['SAVE_INTERVAL_SECONDS', '0'],
    ['SAVE_INTERVAL_SECONDS', 'soon'],
    ['PERSIST_INTERVAL_SECONDS', '-5'],
    ['CLEANUP_DAYS', '1.5'],
    ['ENABLE_DB', 'maybe'],
    ['DEV_FAST_INTERVALS', 'sometimes'],
    ['DB_ECHO', '2'],
    ['DB_POOL_SIZE', '0'],
    ['DB_MAX_OVERFLOW', '-1'],
    ['DB_POOL_TIMEOUT', 'x'],
    ['STORAGE', 'redis'],
    ['RULESET', 'chess'],
    ['LOG_LEVEL', 'loud'],
    ['JWT_ALGORITHM', 'RS256'],
    ['JWT_ALGORITHM', 'none'],
    ['ACCESS_TOKEN_EXPIRE_MINUTES', '0'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['AUTH_RATE_LIMIT_PER_MINUTE', 'many'],
    ['GALAXY_COUNT', '0'],
    ['MAX_PLAYERS', '0'],
    ['INITIAL_PLANETS', '-1'],
    ['STARTER_METAL', '-10'],
    ['TRADE_TRANSACTION_FEE_RATE', '1.5'],
    ['SQLITE_SYNCHRONOUS', 'OFF'],
    ['TRUST_PROXY', 'perhaps'],
  ];
  for (const [variable, value] of cases) {
    test(`${variable}=${JSON.stringify(value)}`, () =>
      assertRejects({ [variable]: value }, variable));
  }

  test('STORAGE is validated even when ENABLE_DB=true overrides it', () => {
    assertRejects(
      { ENABLE_DB: 'true', STORAGE: 'redis', DATABASE_URL: 'postgres://h/db' },
      'STORAGE',
    );
  });

  test('cross-field checks name the later variable', () => {
    assertRejects({ PLANET_SIZE_MIN: '200', PLANET_SIZE_MAX: '100' }, 'PLANET_SIZE_MAX');
    assertRejects(
      { PLANET_TEMPERATURE_MIN: '10', PLANET_TEMPERATURE_MAX: '0' },
      'PLANET_TEMPERATURE_MAX',
    );
    assertRejects(
      {
        GALAXY_COUNT: '1',
        SYSTEMS_PER_GALAXY: '1',
        POSITIONS_PER_SYSTEM: '2',
        INITIAL_PLANETS: '3',
      },
      'INITIAL_PLANETS',
    );
  });

  test('a bad DATABASE_URL is rejected only when PostgreSQL is used', () => {
    assertRejects({ ENABLE_DB: 'true', DATABASE_URL: 'not a url' }, 'DATABASE_URL');
    assertRejects({ STORAGE: 'postgres', DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL');
    assert.equal(loadConfig({ DATABASE_URL: 'not a url' }).storage, 'embedded');
  });

  test('a bad replica URL is rejected', () => {
    assertRejects({ READ_REPLICA_URLS: 'postgres://r1/db, http://r2/db' }, 'READ_REPLICA_URLS');
  });
});

describe('production and storage selection', () => {
  test('NODE_ENV=production refuses a weak JWT secret; unset means generated and kept', () => {
    assertRejects({ NODE_ENV: 'production', JWT_SECRET: LEGACY_JWT_SECRET }, 'JWT_SECRET');
    assertRejects({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' }, 'JWT_SECRET');
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-long-and-random-production-secret',
    });
    assert.equal(c.production, true);
    assert.equal(c.jwt.secret, 'a-long-and-random-production-secret');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).jwt.secret, null);
    // Outside production any explicit secret is taken (tests, local development).
    assert.equal(loadConfig({ JWT_SECRET: 'short' }).jwt.secret, 'short');
  });

  test('ENABLE_DB=true implies the postgres store whatever STORAGE says', () => {
    assert.equal(loadConfig({ ENABLE_DB: 'true' }).storage, 'postgres');
    assert.equal(loadConfig({ ENABLE_DB: 'true', STORAGE: 'memory' }).storage, 'postgres');
    assert.equal(loadConfig({ ENABLE_DB: 'false', STORAGE: 'memory' }).storage, 'memory');
    assert.equal(
      loadConfig({ STORAGE: 'POSTGRES', DATABASE_URL: 'postgres://h/db' }).storage,
      'postgres',
    );
  });

  test('the SQLAlchemy postgresql+asyncpg:// URL is normalised for node-postgres', () => {
    const c = loadConfig({
      ENABLE_DB: 'true',
      DATABASE_URL: 'postgresql+asyncpg://u:p@db:5432/game',
    });
    assert.equal(c.databaseUrl, 'postgresql://u:p@db:5432/game');
    assert.equal(
      loadConfig({ ENABLE_DB: 'true', DATABASE_URL: 'postgres://u@h/db' }).databaseUrl,
      'postgres://u@h/db',
    );
    // The default URL is the SQLAlchemy one and is normalised too.
    assert.equal(
      loadConfig({ ENABLE_DB: 'true' }).databaseUrl,
      'postgresql://ogame:ogame@localhost:5432/ogame',
    );
    assert.equal(normalizePostgresUrl('X', 'postgresql+psycopg2://h/db'), 'postgresql://h/db');
    const replicas = loadConfig({
      READ_REPLICA_URLS: 'postgresql+asyncpg://r1/db,postgres://r2/db',
    }).readReplicaUrls;
    assert.deepEqual(replicas, ['postgresql://r1/db', 'postgres://r2/db']);
  });

  test('TRUST_PROXY is off by default and can be switched on', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  });
});
