import type { Command } from '../context.js';
import { notify } from '../notify.js';
import { MS_PER_DAY } from '../players/activity.js';
import { removePlayer, type RemovedPlayer } from '../players/remove.js';
import type { UserId } from '../types.js';

/** Meta key of the last cleanup run, so the job runs once a day across restarts. */
export const CLEANUP_LAST_RUN_KEY = 'cleanup_last_run_at';
export const CLEANUP_INTERVAL_MS = MS_PER_DAY;

export interface CleanupReport {
  ran: boolean;
  marked: Array<{ user_id: UserId; username: string; last_active: string }>;
  /** Marked players who came back before the grace period ended. */
  restored: UserId[];
  deleted: RemovedPlayer[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether a day has passed since the last run (or it never ran). */
export function cleanupDue(meta: ReadonlyMap<string, string>, now: number): boolean {
  const last = Number(meta.get(CLEANUP_LAST_RUN_KEY) ?? Number.NEGATIVE_INFINITY);
  return now - last >= CLEANUP_INTERVAL_MS;
}

/**
 * The daily cleanup. A player inactive for CLEANUP_DAYS is marked (visible in the highscore and
 * the galaxy view, and told by a notification); a marked player who stays away for
 * CLEANUP_GRACE_DAYS more is deleted and their planets freed; one who comes back is unmarked.
 * Runs at most once per CLEANUP_INTERVAL_MS; returns what it did for the caller to log.
 */
export const runCleanup: Command<void, CleanupReport> = (ctx) => {
  const report: CleanupReport = { ran: false, marked: [], restored: [], deleted: [] };
  if (!cleanupDue(ctx.world.meta, ctx.now)) return report;
  report.ran = true;
  const { inactiveDays, graceDays } = ctx.settings.cleanup;
  const marks = ctx.world.inactiveMarks;
  for (const user of [...ctx.world.users.values()]) {
    const markedAt = marks.get(user.id);
    if (markedAt !== undefined) {
      if (user.lastActive > markedAt) {
        marks.delete(user.id);
        ctx.changes.remove('inactive_players', user.id);
        report.restored.push(user.id);
      } else if (ctx.now - markedAt >= graceDays * MS_PER_DAY) {
        report.deleted.push(removePlayer(ctx, user));
      }
      continue;
    }
    if (ctx.now - user.lastActive >= inactiveDays * MS_PER_DAY) {
      marks.set(user.id, ctx.now);
      ctx.changes.touch('inactive_players', user.id);
      notify(ctx, user.id, 'account_inactive', {
        last_active: iso(user.lastActive),
        deletion_after: iso(ctx.now + graceDays * MS_PER_DAY),
      });
      report.marked.push({
        user_id: user.id,
        username: user.username,
        last_active: iso(user.lastActive),
      });
    }
  }
  ctx.world.meta.set(CLEANUP_LAST_RUN_KEY, String(ctx.now));
  ctx.changes.touch('meta', CLEANUP_LAST_RUN_KEY);
  return report;
};
