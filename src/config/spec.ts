/**
 * Every environment variable the server reads, declared once: name, type, default and meaning.
 * The same table drives parsing, validation and the README's configuration reference, so the
 * documentation cannot drift from the code.
 */
export type VarType = 'string' | 'int' | 'number' | 'bool' | 'list' | 'enum';

export interface VarSpec {
  readonly type: VarType;
  readonly default: string;
  readonly doc: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly group: string;
}

export const CONFIG_SPEC = {
  // Server
  HOST: { type: 'string', default: '0.0.0.0', doc: 'Address to listen on.', group: 'Server' },
  PORT: { type: 'int', default: '8000', min: 0, max: 65535, doc: 'TCP port.', group: 'Server' },
  LOG_LEVEL: {
    type: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    doc: 'pino log level.',
    group: 'Server',
  },
  ADMIN_TOKEN: {
    type: 'string',
    default: '',
    doc: 'Bearer token for the /admin operator API; unset disables it (404).',
    group: 'Server',
  },
  RULESET: {
    type: 'enum',
    default: 'seed',
    values: ['seed', 'ogame'],
    doc: 'Game rules: the Python server constants (seed) or the real game (ogame).',
    group: 'Server',
  },
  TRUST_PROXY: {
    type: 'bool',
    default: 'false',
    doc: 'Trust X-Forwarded-For for the client address (only behind a reverse proxy; otherwise clients could spoof it to dodge the per-IP limit).',
    group: 'Server',
  },
  BODY_LIMIT_BYTES: {
    type: 'int',
    default: '65536',
    min: 1024,
    doc: 'Largest accepted request body.',
    group: 'Server',
  },
  // Game loop
  TICK_RATE: {
    type: 'number',
    default: '1.0',
    min: 0.01,
    max: 1000,
    doc: 'Game loop frequency in Hz (ticks per second).',
    group: 'Game loop',
  },
  DEV_FAST_INTERVALS: {
    type: 'bool',
    default: 'false',
    doc: 'Development: SAVE_INTERVAL_SECONDS defaults to 5 instead of 60.',
    group: 'Game loop',
  },
  SAVE_INTERVAL_SECONDS: {
    type: 'number',
    default: '',
    min: 1,
    doc: 'Interval of the periodic resource checkpoint (every command and tick also commits). Default 60 (5 with DEV_FAST_INTERVALS).',
    group: 'Game loop',
  },
  PERSIST_INTERVAL_SECONDS: {
    type: 'number',
    default: '',
    min: 1,
    doc: 'Per-planet throttle of checkpoint writes. Default SAVE_INTERVAL_SECONDS.',
    group: 'Game loop',
  },
  CLEANUP_DAYS: {
    type: 'int',
    default: '30',
    min: 1,
    doc: 'Days of inactivity before the daily cleanup marks a player inactive.',
    group: 'Game loop',
  },
  CLEANUP_GRACE_DAYS: {
    type: 'int',
    default: '7',
    min: 0,
    doc: 'Days a player marked inactive has to come back before the cleanup deletes them and frees their planets.',
    group: 'Game loop',
  },
  // Storage
  STORAGE: {
    type: 'enum',
    default: 'embedded',
    values: ['embedded', 'memory', 'postgres'],
    doc: 'embedded = SQLite file in DATA_DIR; memory = SQLite in memory (lost on exit); postgres = DATABASE_URL. ENABLE_DB=true implies postgres.',
    group: 'Storage',
  },
  DATA_DIR: {
    type: 'string',
    default: './data',
    doc: 'Folder of the embedded store (SQLite file and owner lock).',
    group: 'Storage',
  },
  ENABLE_DB: {
    type: 'bool',
    default: 'false',
    doc: 'Use PostgreSQL at DATABASE_URL (same as STORAGE=postgres).',
    group: 'Storage',
  },
  DATABASE_URL: {
    type: 'string',
    default: 'postgresql+asyncpg://ogame:ogame@localhost:5432/ogame',
    doc: 'PostgreSQL URL; the SQLAlchemy form postgresql+asyncpg:// is accepted too.',
    group: 'Storage',
  },
  READ_REPLICA_URLS: {
    type: 'list',
    default: '',
    doc: 'Comma-separated read replica URLs for history reads; the primary is used if one is down.',
    group: 'Storage',
  },
  DB_ECHO: {
    type: 'bool',
    default: 'false',
    doc: 'Log every SQL statement (debug level).',
    group: 'Storage',
  },
  DB_POOL_PRE_PING: {
    type: 'bool',
    default: 'true',
    doc: 'Check pooled connections with a ping before use when idle for a while.',
    group: 'Storage',
  },
  DB_POOL_SIZE: {
    type: 'int',
    default: '5',
    min: 1,
    doc: 'PostgreSQL pool size.',
    group: 'Storage',
  },
  DB_MAX_OVERFLOW: {
    type: 'int',
    default: '10',
    min: 0,
    doc: 'Extra connections beyond DB_POOL_SIZE under load.',
    group: 'Storage',
  },
  DB_POOL_TIMEOUT: {
    type: 'number',
    default: '30',
    min: 0,
    doc: 'Seconds to wait for a pooled connection.',
    group: 'Storage',
  },
  DB_POOL_RECYCLE: {
    type: 'number',
    default: '1800',
    min: 0,
    doc: 'Seconds after which an idle connection is closed and replaced.',
    group: 'Storage',
  },
  MIGRATE_ON_START: {
    type: 'bool',
    default: 'true',
    doc: 'Apply pending migrations at startup (otherwise run npm run db:migrate).',
    group: 'Storage',
  },
  SQLITE_SYNCHRONOUS: {
    type: 'enum',
    default: 'FULL',
    values: ['FULL', 'NORMAL'],
    doc: 'SQLite fsync policy; FULL survives power loss, NORMAL survives process crashes.',
    group: 'Storage',
  },
  // Auth
  JWT_SECRET: {
    type: 'string',
    default: 'dev-secret-change-me',
    doc: 'JWT signing secret. The default is refused when NODE_ENV=production.',
    group: 'Auth',
  },
  JWT_ALGORITHM: {
    type: 'enum',
    default: 'HS256',
    values: ['HS256', 'HS384', 'HS512'],
    doc: 'JWT signing algorithm.',
    group: 'Auth',
  },
  ACCESS_TOKEN_EXPIRE_MINUTES: {
    type: 'int',
    default: '1440',
    min: 1,
    doc: 'Access token lifetime in minutes.',
    group: 'Auth',
  },
  RATE_LIMIT_PER_MINUTE: {
    type: 'int',
    default: '100',
    min: 0,
    doc: 'Requests per minute per user on protected routes (0 disables).',
    group: 'Auth',
  },
  AUTH_RATE_LIMIT_PER_MINUTE: {
    type: 'int',
    default: '30',
    min: 0,
    doc: 'Requests per minute per IP on /auth/login and /auth/register (0 disables).',
    group: 'Auth',
  },
  // CORS
  CORS_ALLOW_ORIGINS: {
    type: 'list',
    default: '*',
    doc: 'Allowed origins, comma-separated; * for all.',
    group: 'CORS',
  },
  CORS_ALLOW_CREDENTIALS: {
    type: 'bool',
    default: 'true',
    doc: 'Allow credentials.',
    group: 'CORS',
  },
  CORS_ALLOW_METHODS: {
    type: 'list',
    default: '*',
    doc: 'Allowed methods, comma-separated.',
    group: 'CORS',
  },
  CORS_ALLOW_HEADERS: {
    type: 'list',
    default: '*',
    doc: 'Allowed headers, comma-separated.',
    group: 'CORS',
  },
  // Universe
  GALAXY_COUNT: {
    type: 'int',
    default: '9',
    min: 1,
    max: 100,
    doc: 'Number of galaxies.',
    group: 'Universe',
  },
  SYSTEMS_PER_GALAXY: {
    type: 'int',
    default: '499',
    min: 1,
    max: 10000,
    doc: 'Systems per galaxy.',
    group: 'Universe',
  },
  POSITIONS_PER_SYSTEM: {
    type: 'int',
    default: '15',
    min: 1,
    max: 100,
    doc: 'Positions per system.',
    group: 'Universe',
  },
  MAX_PLAYERS: {
    type: 'int',
    default: '512',
    min: 1,
    doc: 'Expected scale; seeds INITIAL_PLANETS.',
    group: 'Universe',
  },
  INITIAL_PLANETS: {
    type: 'int',
    default: '',
    min: 0,
    doc: 'Free coordinates pre-seeded at first start (default 2 x MAX_PLAYERS).',
    group: 'Universe',
  },
  UNIVERSE_SEED: {
    type: 'int',
    default: '',
    min: 0,
    doc: 'Seed for universe generation; random at first start, then stored.',
    group: 'Universe',
  },
  ECONOMY_SPEED: {
    type: 'number',
    default: '1',
    min: 0.01,
    max: 10000,
    doc: 'Economy speed: multiplies production and divides building and shipyard times.',
    group: 'Universe',
  },
  RESEARCH_SPEED: {
    type: 'number',
    default: '1',
    min: 0.01,
    max: 10000,
    doc: 'Research speed: divides research times.',
    group: 'Universe',
  },
  FLEET_SPEED: {
    type: 'number',
    default: '1',
    min: 0.01,
    max: 10000,
    doc: 'Fleet speed: divides flight times (and so raises fuel use in the ogame ruleset).',
    group: 'Universe',
  },
  DONUT_GALAXY: {
    type: 'bool',
    default: 'true',
    doc: 'The last galaxy neighbours the first; flights take the shorter way (ogame ruleset).',
    group: 'Universe',
  },
  DONUT_SYSTEM: {
    type: 'bool',
    default: 'true',
    doc: 'The last system of a galaxy neighbours the first (ogame ruleset).',
    group: 'Universe',
  },
  DEUTERIUM_SAVE_FACTOR: {
    type: 'number',
    default: '1',
    min: 0.01,
    max: 1,
    doc: "Multiplies every ship's fuel use (live universes: 0.5 to 1; ogame ruleset).",
    group: 'Universe',
  },
  // Starter
  REQUIRE_START_CHOICE: {
    type: 'bool',
    default: 'false',
    doc: 'Registration creates no homeworld; the player calls choose-start.',
    group: 'Starter',
  },
  STARTER_PLANET_NAME: {
    type: 'string',
    default: 'Homeworld',
    doc: 'Name of new homeworlds.',
    group: 'Starter',
  },
  STARTER_METAL: { type: 'int', default: '500', min: 0, doc: 'Starting metal.', group: 'Starter' },
  STARTER_CRYSTAL: {
    type: 'int',
    default: '300',
    min: 0,
    doc: 'Starting crystal.',
    group: 'Starter',
  },
  STARTER_DEUTERIUM: {
    type: 'int',
    default: '100',
    min: 0,
    doc: 'Starting deuterium.',
    group: 'Starter',
  },
  PLANET_SIZE_MIN: {
    type: 'int',
    default: '140',
    min: 1,
    doc: 'Smallest generated planet size.',
    group: 'Starter',
  },
  PLANET_SIZE_MAX: {
    type: 'int',
    default: '200',
    min: 1,
    doc: 'Largest generated planet size.',
    group: 'Starter',
  },
  PLANET_TEMPERATURE_MIN: {
    type: 'int',
    default: '-40',
    doc: 'Coldest generated temperature (C).',
    group: 'Starter',
  },
  PLANET_TEMPERATURE_MAX: {
    type: 'int',
    default: '60',
    doc: 'Hottest generated temperature (C).',
    group: 'Starter',
  },
  // Gameplay
  COLONIZATION_TIME_SECONDS: {
    type: 'number',
    default: '1',
    min: 0,
    doc: 'Time after arrival until a colony is founded.',
    group: 'Gameplay',
  },
  BASE_MAX_FLEET_SIZE: {
    type: 'int',
    default: '50',
    min: 0,
    doc: 'Ships allowed per planet (seed).',
    group: 'Gameplay',
  },
  FLEET_SIZE_PER_COMPUTER_LEVEL: {
    type: 'int',
    default: '10',
    min: 0,
    doc: 'Extra ships allowed per computer level (seed).',
    group: 'Gameplay',
  },
  BUILD_QUEUE_LIMIT: {
    type: 'int',
    default: '5',
    min: 1,
    max: 10_000,
    doc: 'Building queue length per planet.',
    group: 'Gameplay',
  },
  TRADE_TRANSACTION_FEE_RATE: {
    type: 'number',
    default: '0',
    min: 0,
    max: 1,
    doc: 'Share of the requested amount burned on each trade.',
    group: 'Gameplay',
  },
  TRADE_OFFER_TTL_SECONDS: {
    type: 'int',
    default: '0',
    min: 0,
    doc: 'Lifetime of a marketplace offer; an expired offer is refunded to its seller. 0 = offers never expire.',
    group: 'Gameplay',
  },
  NOTIFICATION_RETENTION: {
    type: 'int',
    default: '500',
    min: 1,
    doc: 'Stored notifications kept per player; older ones are deleted as new ones arrive.',
    group: 'Gameplay',
  },
  // Combat
  DEBRIS_SHIP_PERCENT: {
    type: 'number',
    default: '30',
    min: 0,
    max: 100,
    doc: "Share of a destroyed ship's metal and crystal cost left as a debris field.",
    group: 'Combat',
  },
  DEBRIS_DEFENSE_PERCENT: {
    type: 'number',
    default: '0',
    min: 0,
    max: 100,
    doc: "Share of a destroyed (unrepaired) defense's metal and crystal cost left as debris.",
    group: 'Combat',
  },
  BATTLE_WORKER_UNITS: {
    type: 'int',
    default: '100000',
    min: 0,
    doc: 'Battles with more units than this (both sides) are fought on the battle worker thread instead of inline in the game loop.',
    group: 'Combat',
  },
} as const satisfies Record<string, VarSpec>;

export type ConfigVarName = keyof typeof CONFIG_SPEC;
