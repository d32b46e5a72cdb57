import type { TickView } from '../context.js';
import { marketUpdates } from './market-update.js';
import { resourceUpdates } from './resource-update.js';

/** Per-tick messages for online players, computed from state (fresh per server instance). */
export function createTickViews(): TickView[] {
  return [resourceUpdates(), marketUpdates()];
}
