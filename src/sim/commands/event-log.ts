import type { Command } from '../context.js';

/**
 * Meta key of the highest seq the event log's retention may have deleted: a reconnect from
 * below it may have lost events (welcome.replay.truncated). Migration 0008 starts it at the
 * event sequence of its day, since earlier events were never logged.
 */
export const EVENT_LOG_PRUNED_KEY = 'event_log_pruned_seq';

/** The highest seq the event log no longer holds (0: nothing pruned). */
export function eventLogPrunedSeq(meta: ReadonlyMap<string, string>): number {
  return Number(meta.get(EVENT_LOG_PRUNED_KEY) ?? 0);
}

/**
 * The event log's retention: deletes every logged event with a seq below `below` (found by the
 * periodic housekeeping from the rows' age, see runtime/maintenance.ts) and records the bound in
 * the same commit. Returns whether anything was pruned.
 */
export const pruneEventLog: Command<number, boolean> = (ctx, below) => {
  if (below - 1 <= eventLogPrunedSeq(ctx.world.meta)) return false;
  ctx.world.meta.set(EVENT_LOG_PRUNED_KEY, String(below - 1));
  ctx.changes.touch('meta', EVENT_LOG_PRUNED_KEY);
  ctx.changes.deleteBelow('event_log', 'seq', below);
  return true;
};
