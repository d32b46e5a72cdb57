import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirReason } from '../store/store.js';
import type { AppServices } from './services.js';

export interface CheckResult {
  status: 'ok' | 'fail' | 'skipped';
  detail: string | null;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { store: CheckResult; commits: CheckResult; disk: CheckResult; loop: CheckResult };
}

const ok: CheckResult = { status: 'ok', detail: null };
const fail = (detail: string): CheckResult => ({ status: 'fail', detail });
/** A disk check answers for this long: a probe per request would be a write per probe. */
const DISK_CHECK_TTL_MS = 1000;
/** The loop counts as stalled when its last tick is this many intervals (at least 2 s) old. */
const STALLED_TICKS = 5;

/**
 * Why commits fail, in words that are safe to show anyone: a full disk, a read-only data
 * folder, or the database being unavailable. The store's own error text (table names, SQL,
 * addresses) goes to the log only.
 */
export function publicFailure(failure: string | null): string | null {
  if (failure === null) return null;
  if (/SQLITE_FULL|ENOSPC|disk is full|No space left|53100/i.test(failure))
    return 'the disk of the database is full';
  if (/SQLITE_READONLY|EROFS|read-only|readonly/i.test(failure)) return 'the database is read-only';
  if (/Another server owns|Lost the ownership/i.test(failure))
    return 'another server owns the database now';
  return 'the database is unavailable';
}

/** Writes and syncs a small file in the data folder: what every commit of SQLite needs. */
async function probeDisk(dir: string): Promise<CheckResult> {
  const path = join(dir, '.ready-probe');
  try {
    const file = await open(path, 'w');
    try {
      await file.writeFile(String(Date.now()));
      await file.sync();
    } finally {
      await file.close();
    }
    await unlink(path);
    return ok;
  } catch (err) {
    return fail(`DATA_DIR (${dir}) ${dataDirReason(err)}`);
  }
}

/**
 * Readiness: everything a player's next command needs. `/healthz` stays the Python server's
 * shape and always answers; this one answers 503 when any check fails, for load balancers and
 * orchestrators (take this server out of rotation, do not restart it: that is liveness).
 */
export function readinessChecker(services: AppServices): () => Promise<ReadinessReport> {
  const { runtime, store, config } = services;
  const dataDir =
    store.engine === 'sqlite' && config.storage === 'embedded' ? config.dataDir : null;
  let disk: { at: number; result: Promise<CheckResult> } | null = null;
  const stalledAfterMs = Math.max(2000, (STALLED_TICKS * 1000) / config.tickRateHz);

  const diskCheck = (): Promise<CheckResult> => {
    if (dataDir === null) return Promise.resolve({ status: 'skipped', detail: 'no data folder' });
    const now = performance.now();
    if (!disk || now - disk.at > DISK_CHECK_TTL_MS) disk = { at: now, result: probeDisk(dataDir) };
    return disk.result;
  };

  return async () => {
    const [reachable, diskResult] = await Promise.all([store.ping(), diskCheck()]);
    const commits =
      runtime.state === 'running'
        ? ok
        : fail(
            runtime.state === 'failed'
              ? `commits are failing (fail-stop): ${publicFailure(runtime.failure)}`
              : `the server is ${runtime.state}`,
          );
    const sinceTick = performance.now() - runtime.lastLoopAt;
    const loop = !runtime.loopRunning
      ? fail('the game loop is not running')
      : sinceTick > stalledAfterMs
        ? fail(`the game loop last ticked ${Math.round(sinceTick)} ms ago`)
        : ok;
    const checks = {
      store: !reachable
        ? fail('the store does not answer')
        : !store.owned
          ? fail('this server lost the ownership of the database (its lock session ended)')
          : ok,
      commits,
      disk: diskResult,
      loop,
    };
    return { ready: Object.values(checks).every((c) => c.status !== 'fail'), checks };
  };
}
