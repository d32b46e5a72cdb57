import { CONFIG_SPEC, type ConfigVarName, type VarSpec } from './spec.js';

/** Raised when an environment variable has a bad value; startup stops with this message. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable}: ${message}`);
  }
}

export type StorageKind = 'embedded' | 'memory' | 'postgres';
export type RulesetId = 'seed' | 'ogame';

export interface Config {
  host: string;
  port: number;
  logLevel: string;
  adminToken: string | null;
  adminGuessLimitPerMinute: number;
  /** The built web client's folder ('' for the default next to the server), or null: none. */
  webDir: string | null;
  ruleset: RulesetId;
  bodyLimitBytes: number;
  idempotencyTtlSeconds: number;
  maxQueuedCommands: number;
  requestTimeoutSeconds: number;
  maxConnections: number;
  trustProxy: boolean;
  tickRateHz: number;
  saveIntervalSeconds: number;
  persistIntervalSeconds: number;
  cleanupDays: number;
  cleanupGraceDays: number;
  storage: StorageKind;
  dataDir: string;
  databaseUrl: string;
  readReplicaUrls: string[];
  dbEcho: boolean;
  dbPool: {
    prePing: boolean;
    size: number;
    maxOverflow: number;
    timeoutSeconds: number;
    recycleSeconds: number;
  };
  migrateOnStart: boolean;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  jwt: {
    /** null: the store keeps a generated one (runtime/secrets.ts). */
    secret: string | null;
    algorithm: 'HS256' | 'HS384' | 'HS512';
    expireMinutes: number;
    /** Refresh tokens (sessions) expire this many days after their last refresh. */
    refreshExpireDays: number;
  };
  rateLimitPerMinute: number;
  readRateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  cors: { origins: string[]; credentials: boolean; methods: string[]; headers: string[] };
  universe: {
    galaxies: number;
    systems: number;
    positions: number;
    maxPlayers: number;
    initialPlanets: number;
    seed: number | null;
  };
  starter: {
    requireStartChoice: boolean;
    planetName: string;
    metal: number;
    crystal: number;
    deuterium: number;
    sizeMin: number;
    sizeMax: number;
    temperatureMin: number;
    temperatureMax: number;
  };
  gameplay: {
    colonizationTimeSeconds: number;
    baseMaxFleetSize: number;
    fleetSizePerComputerLevel: number;
    buildQueueLimit: number;
    tradeFeeRate: number;
    tradeOfferTtlSeconds: number;
    notificationRetention: number;
    /** Seconds the WebSocket event log keeps an event (see runtime/maintenance.ts). */
    eventLogRetentionSeconds: number;
  };
  /** Universe knobs handed to the ruleset (speeds, donut wrap, fuel factor). */
  rulesetOptions: {
    economySpeed: number;
    researchSpeed: number;
    fleetSpeed: number;
    donutGalaxy: boolean;
    donutSystem: boolean;
    deuteriumSaveFactor: number;
  };
  combat: {
    debrisShipPercent: number;
    debrisDefensePercent: number;
    battleWorkerUnits: number;
  };
  production: boolean;
}

/** The documented default of earlier versions: anyone could sign tokens with it. */
export const LEGACY_JWT_SECRET = 'dev-secret-change-me';
/** The shortest JWT_SECRET production accepts (256 bits of an HS256 key, as characters). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

function raw(env: Env, name: ConfigVarName): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? CONFIG_SPEC[name].default : value.trim();
}

function parseBool(name: string, value: string): boolean {
  const v = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  throw new ConfigError(name, `expected true or false, got "${value}"`);
}

function checkRange(name: string, spec: VarSpec, n: number): number {
  if (spec.min !== undefined && n < spec.min)
    throw new ConfigError(name, `must be >= ${spec.min}, got ${n}`);
  if (spec.max !== undefined && n > spec.max)
    throw new ConfigError(name, `must be <= ${spec.max}, got ${n}`);
  return n;
}

function parseNumber(name: ConfigVarName, value: string, integer: boolean): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n))
    throw new ConfigError(name, `expected a number, got "${value}"`);
  if (integer && !Number.isInteger(n))
    throw new ConfigError(name, `expected an integer, got "${value}"`);
  return checkRange(name, CONFIG_SPEC[name], n);
}

/** Typed readers over the spec table: each validates and names the variable on failure. */
function readers(env: Env) {
  return {
    str: (name: ConfigVarName) => raw(env, name),
    int: (name: ConfigVarName) => parseNumber(name, raw(env, name), true),
    num: (name: ConfigVarName) => parseNumber(name, raw(env, name), false),
    optInt: (name: ConfigVarName) =>
      raw(env, name) === '' ? null : parseNumber(name, raw(env, name), true),
    optNum: (name: ConfigVarName) =>
      raw(env, name) === '' ? null : parseNumber(name, raw(env, name), false),
    bool: (name: ConfigVarName) => parseBool(name, raw(env, name)),
    list: (name: ConfigVarName) =>
      raw(env, name)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    oneOf: <T extends string>(name: ConfigVarName): T => {
      const spec: VarSpec = CONFIG_SPEC[name];
      const value = raw(env, name);
      const match = spec.values?.find((v) => v.toLowerCase() === value.toLowerCase());
      if (match === undefined) {
        throw new ConfigError(name, `must be one of ${spec.values?.join(', ')}, got "${value}"`);
      }
      return match as T;
    },
  };
}

/**
 * Normalises a PostgreSQL URL: the specification's SQLAlchemy form
 * (`postgresql+asyncpg://...`) becomes the plain `postgres://...` that node-postgres takes.
 */
export function normalizePostgresUrl(name: string, url: string): string {
  const plain = url.replace(/^postgresql\+[a-z0-9]+:\/\//i, 'postgresql://');
  let parsed: URL;
  try {
    parsed = new URL(plain);
  } catch {
    throw new ConfigError(name, `not a valid URL: "${url}"`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      name,
      `expected a postgres:// or postgresql+asyncpg:// URL, got "${url}"`,
    );
  }
  return plain;
}

/** Builds and validates the one configuration object from the environment. */
export function loadConfig(env: Env = process.env): Config {
  const r = readers(env);
  const devFast = r.bool('DEV_FAST_INTERVALS');
  const saveInterval = r.optNum('SAVE_INTERVAL_SECONDS') ?? (devFast ? 5 : 60);
  const enableDb = r.bool('ENABLE_DB');
  // STORAGE is validated even when ENABLE_DB overrides it, so a typo never goes unnoticed.
  const storageSetting = r.oneOf<StorageKind>('STORAGE');
  const storage: StorageKind = enableDb ? 'postgres' : storageSetting;
  const production = (env.NODE_ENV ?? '').toLowerCase() === 'production';
  const secret = r.str('JWT_SECRET') || null;
  if (
    production &&
    secret !== null &&
    (secret === LEGACY_JWT_SECRET || secret.length < MIN_PRODUCTION_SECRET_LENGTH)
  ) {
    throw new ConfigError(
      'JWT_SECRET',
      `a weak secret is refused when NODE_ENV=production: use ${MIN_PRODUCTION_SECRET_LENGTH} or more random characters, or leave it unset to have one generated and kept with the data`,
    );
  }
  const maxPlayers = r.int('MAX_PLAYERS');
  const sizeMin = r.int('PLANET_SIZE_MIN');
  const sizeMax = r.int('PLANET_SIZE_MAX');
  if (sizeMax < sizeMin)
    throw new ConfigError('PLANET_SIZE_MAX', `must be >= PLANET_SIZE_MIN (${sizeMin})`);
  const tMin = r.int('PLANET_TEMPERATURE_MIN');
  const tMax = r.int('PLANET_TEMPERATURE_MAX');
  if (tMax < tMin)
    throw new ConfigError('PLANET_TEMPERATURE_MAX', `must be >= PLANET_TEMPERATURE_MIN (${tMin})`);
  const galaxies = r.int('GALAXY_COUNT');
  const systems = r.int('SYSTEMS_PER_GALAXY');
  const positions = r.int('POSITIONS_PER_SYSTEM');
  const initialPlanets = r.optInt('INITIAL_PLANETS') ?? 2 * maxPlayers;
  if (initialPlanets > galaxies * systems * positions) {
    throw new ConfigError(
      'INITIAL_PLANETS',
      `exceeds the ${galaxies * systems * positions} coordinates of the universe`,
    );
  }
  const databaseUrl = r.str('DATABASE_URL');
  return {
    host: r.str('HOST'),
    port: r.int('PORT'),
    logLevel: r.oneOf('LOG_LEVEL'),
    adminToken: r.str('ADMIN_TOKEN') || null,
    adminGuessLimitPerMinute: r.int('ADMIN_GUESS_LIMIT_PER_MINUTE'),
    webDir: r.str('WEB_DIR') === 'off' ? null : r.str('WEB_DIR'),
    ruleset: r.oneOf<RulesetId>('RULESET'),
    bodyLimitBytes: r.int('BODY_LIMIT_BYTES'),
    idempotencyTtlSeconds: r.int('IDEMPOTENCY_TTL_SECONDS'),
    maxQueuedCommands: r.int('MAX_QUEUED_COMMANDS'),
    requestTimeoutSeconds: r.int('REQUEST_TIMEOUT_SECONDS'),
    maxConnections: r.int('MAX_CONNECTIONS'),
    trustProxy: r.bool('TRUST_PROXY'),
    tickRateHz: r.num('TICK_RATE'),
    saveIntervalSeconds: saveInterval,
    persistIntervalSeconds: r.optNum('PERSIST_INTERVAL_SECONDS') ?? saveInterval,
    cleanupDays: r.int('CLEANUP_DAYS'),
    cleanupGraceDays: r.int('CLEANUP_GRACE_DAYS'),
    storage,
    dataDir: r.str('DATA_DIR'),
    databaseUrl:
      storage === 'postgres' ? normalizePostgresUrl('DATABASE_URL', databaseUrl) : databaseUrl,
    readReplicaUrls: r
      .list('READ_REPLICA_URLS')
      .map((u) => normalizePostgresUrl('READ_REPLICA_URLS', u)),
    dbEcho: r.bool('DB_ECHO'),
    dbPool: {
      prePing: r.bool('DB_POOL_PRE_PING'),
      size: r.int('DB_POOL_SIZE'),
      maxOverflow: r.int('DB_MAX_OVERFLOW'),
      timeoutSeconds: r.num('DB_POOL_TIMEOUT'),
      recycleSeconds: r.num('DB_POOL_RECYCLE'),
    },
    migrateOnStart: r.bool('MIGRATE_ON_START'),
    sqliteSynchronous: r.oneOf('SQLITE_SYNCHRONOUS'),
    jwt: {
      secret,
      algorithm: r.oneOf('JWT_ALGORITHM'),
      expireMinutes: r.int('ACCESS_TOKEN_EXPIRE_MINUTES'),
      refreshExpireDays: r.int('REFRESH_TOKEN_EXPIRE_DAYS'),
    },
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE'),
    readRateLimitPerMinute:
      r.optInt('READ_RATE_LIMIT_PER_MINUTE') ?? r.int('RATE_LIMIT_PER_MINUTE'),
    authRateLimitPerMinute: r.int('AUTH_RATE_LIMIT_PER_MINUTE'),
    cors: {
      origins: r.list('CORS_ALLOW_ORIGINS'),
      credentials: r.bool('CORS_ALLOW_CREDENTIALS'),
      methods: r.list('CORS_ALLOW_METHODS'),
      headers: r.list('CORS_ALLOW_HEADERS'),
    },
    universe: {
      galaxies,
      systems,
      positions,
      maxPlayers,
      initialPlanets,
      seed: r.optInt('UNIVERSE_SEED'),
    },
    starter: {
      requireStartChoice: r.bool('REQUIRE_START_CHOICE'),
      planetName: r.str('STARTER_PLANET_NAME'),
      metal: r.int('STARTER_METAL'),
      crystal: r.int('STARTER_CRYSTAL'),
      deuterium: r.int('STARTER_DEUTERIUM'),
      sizeMin,
      sizeMax,
      temperatureMin: tMin,
      temperatureMax: tMax,
    },
    gameplay: {
      colonizationTimeSeconds: r.num('COLONIZATION_TIME_SECONDS'),
      baseMaxFleetSize: r.int('BASE_MAX_FLEET_SIZE'),
      fleetSizePerComputerLevel: r.int('FLEET_SIZE_PER_COMPUTER_LEVEL'),
      buildQueueLimit: r.int('BUILD_QUEUE_LIMIT'),
      tradeFeeRate: r.num('TRADE_TRANSACTION_FEE_RATE'),
      tradeOfferTtlSeconds: r.int('TRADE_OFFER_TTL_SECONDS'),
      notificationRetention: r.int('NOTIFICATION_RETENTION'),
      eventLogRetentionSeconds: r.int('EVENT_LOG_RETENTION_SECONDS'),
    },
    rulesetOptions: {
      economySpeed: r.num('ECONOMY_SPEED'),
      researchSpeed: r.num('RESEARCH_SPEED'),
      fleetSpeed: r.num('FLEET_SPEED'),
      donutGalaxy: r.bool('DONUT_GALAXY'),
      donutSystem: r.bool('DONUT_SYSTEM'),
      deuteriumSaveFactor: r.num('DEUTERIUM_SAVE_FACTOR'),
    },
    combat: {
      debrisShipPercent: r.num('DEBRIS_SHIP_PERCENT'),
      debrisDefensePercent: r.num('DEBRIS_DEFENSE_PERCENT'),
      battleWorkerUnits: r.int('BATTLE_WORKER_UNITS'),
    },
    production,
  };
}
