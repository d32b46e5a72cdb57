import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';

/** The PostgreSQL server tests may use: set by CI (and by developers who want it). */
export const TEST_DATABASE_URL = process.env.DATABASE_URL?.replace(
  /^postgresql\+[a-z0-9]+:\/\//i,
  'postgresql://',
);

/** Store engines every integration test runs against: embedded always, PostgreSQL when available. */
export const STORE_KINDS: ReadonlyArray<'embedded' | 'postgres'> = TEST_DATABASE_URL
  ? ['embedded', 'postgres']
  : ['embedded'];

/**
 * Creates an empty database on the test server and returns its URL plus a dropper. Each test
 * server gets its own database, so tests run in parallel without sharing state or locks.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const name = `ogt_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh database on the test server, dropped when the test ends; returns its URL. */
export async function testDatabaseUrl(t: TestContext): Promise<string> {
  const db = await createTestDatabase();
  t.after(() => db.drop());
  return db.url;
}

/** A small connection pool for stores opened directly by tests. */
export const TEST_PG_POOL = { size: 2, maxOverflow: 2, timeoutSeconds: 5, recycleSeconds: 60 };
