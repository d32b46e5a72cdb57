import type { GameServer } from '../../src/server.js';
import { notify } from '../../src/sim/notify.js';

/** Stores `count` notifications for a player through the simulation (one command, one commit). */
export async function notifyMany(
  server: GameServer,
  userId: number,
  count: number,
  type = 'research_complete',
) {
  return server.runtime.execute((ctx) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push(notify(ctx, userId, type, { n: i }));
    return ids;
  }, undefined);
}
