import type { Logger } from 'pino';
import { pruneRevokedTokens } from '../sim/commands/auth.js';
import { cleanupDue, runCleanup, type CleanupReport } from '../sim/commands/cleanup.js';
import { pruneEventLog } from '../sim/commands/event-log.js';
import { eventLogPruneBound } from '../store/histories.js';
import type { GameRuntime } from './game.js';
import type { IdempotencyLedger } from './idempotency.js';
import type { Metrics } from './metrics.js';

/**
 * The periodic housekeeping (every SAVE_INTERVAL_SECONDS): expired token revocations, events
 * older than the event log's retention and expired idempotency keys are pruned, and once a day the inactive-player cleanup
 * runs. The simulation only reports what it did; the deletions are logged here, one line per
 * player, as an audit trail.
 */
export async function runMaintenance(
  runtime: GameRuntime,
  ledger: IdempotencyLedger,
  log: Logger,
  metrics: Metrics,
): Promise<CleanupReport> {
  const started = performance.now();
  await runtime.execute(pruneRevokedTokens, undefined);
  await pruneOldEvents(runtime);
  await ledger.prune();
  const report: CleanupReport = cleanupDue(runtime.world.meta, runtime.now())
    ? await runtime.execute(runCleanup, undefined)
    : { ran: false, marked: [], restored: [], deleted: [] };
  if (report.ran) {
    for (const player of report.deleted)
      log.warn({ cleanup: true, ...player }, 'inactive player deleted');
    log.info(
      {
        cleanup: true,
        marked: report.marked.length,
        restored: report.restored.length,
        deleted: report.deleted.length,
      },
      'daily cleanup done',
    );
    metrics.inc('events.cleanup.count');
  }
  metrics.inc('events.save.count');
  metrics.time('save.duration', performance.now() - started);
  return report;
}

/**
 * Deletes the logged events older than the retention. The log lives only in the store, so where
 * to cut is read from it (on the primary: a replica may lag); the cut itself is a command, so it
 * commits in order with the events being logged meanwhile (all above the cut).
 */
async function pruneOldEvents(runtime: GameRuntime): Promise<void> {
  const cutoff = runtime.now() - runtime.settings.gameplay.eventLogRetentionSeconds * 1000;
  const below = await runtime.store.readPrimary((db) => eventLogPruneBound(db, cutoff));
  if (below !== null) await runtime.execute(pruneEventLog, below);
}
