import type { SimContext } from '../context.js';
import { notify } from '../notify.js';
import type { Fleet, UserId } from '../types.js';
import { type BattleOutcome, locationView } from './outcome.js';

export interface StoredBattle {
  fleet: Fleet;
  defenderId: UserId;
  seed: number;
  at: number;
  outcome: BattleOutcome;
}

/**
 * Appends the battle report (a history row, readable by both participants) and tells both
 * players: a `battle_report` WebSocket message and a critical notification.
 */
export function storeBattleReport(ctx: SimContext, battle: StoredBattle): number {
  const { fleet, outcome } = battle;
  const id = ctx.world.nextId('battleReport');
  const createdAt = new Date(battle.at).toISOString();
  const location = locationView(fleet.target);
  ctx.changes.insert('battle_reports', {
    id,
    created_at: battle.at,
    attacker_user_id: fleet.ownerId,
    defender_user_id: battle.defenderId,
    galaxy: fleet.target.galaxy,
    system: fleet.target.system,
    position: fleet.target.position,
    fleet_id: fleet.id,
    seed: battle.seed,
    outcome: JSON.stringify(outcome),
  });
  const message = {
    type: 'battle_report',
    report_id: id,
    created_at: createdAt,
    location,
    outcome,
  };
  for (const [userId, role] of [
    [fleet.ownerId, 'attacker'],
    [battle.defenderId, 'defender'],
  ] as const) {
    ctx.emit(userId, message);
    notify(ctx, userId, 'battle_report', {
      report_id: id,
      role,
      winner: outcome.winner,
      location,
      attacker_user_id: fleet.ownerId,
      defender_user_id: battle.defenderId,
      loot: outcome.loot,
      ts: createdAt,
    });
  }
  return id;
}
