import type { SimContext } from './context.js';
import type { UserId } from './types.js';
import { notificationViewWithPayload } from './views/notifications.js';

export type NotificationPriority = 'info' | 'normal' | 'warning' | 'critical';

/** The specification's notification types and their priorities. */
export const NOTIFICATION_PRIORITY: Record<string, NotificationPriority> = {
  building_complete: 'normal',
  research_complete: 'info',
  ship_build_complete: 'info',
  storage_full: 'info',
  energy_deficit: 'warning',
  incoming_attack: 'critical',
  battle_report: 'critical',
  espionage_report: 'info',
  espionage_detected: 'warning',
  colony_founded: 'normal',
  colonization_failed: 'warning',
  trade_completed: 'info',
  offer_expired: 'info',
  account_inactive: 'warning',
};

/**
 * Stores a notification for a player (every player, online or not); it commits with the change
 * that caused it. Online players also get it as a `notification` WebSocket message (callers
 * still emit their own typed events, e.g. `building_complete`). Only the newest
 * NOTIFICATION_RETENTION per player are kept: older ones leave the index and the store.
 */
export function notify(
  ctx: SimContext,
  userId: UserId,
  type: string,
  payload: Record<string, unknown>,
): number {
  // The id is also the seq of the `notification` message (one sequence, see World.nextEventSeq),
  // so a client resuming after seq N is owed exactly the stored notifications with id > N.
  const id = ctx.world.nextEventSeq();
  const row = {
    id,
    user_id: userId,
    type,
    payload: JSON.stringify(payload),
    priority: NOTIFICATION_PRIORITY[type] ?? 'info',
    created_at: ctx.now,
    read_at: null,
  };
  ctx.changes.insert('notifications', row);
  const inboxes = ctx.world.inboxes;
  inboxes.add(userId, id, true);
  for (const old of inboxes.trim(userId, ctx.settings.gameplay.notificationRetention)) {
    ctx.changes.deleteWhere('notifications', { id: old });
  }
  // Most players are offline when their timers fire: only a listener's copy is rendered, and
  // from the payload object itself rather than by parsing the JSON just written.
  if (ctx.listening(userId)) {
    ctx.emit(
      userId,
      {
        type: 'notification',
        notification: notificationViewWithPayload(row, payload),
        unread_notifications: inboxes.unreadCount(userId),
      },
      id,
    );
  }
  return id;
}

/** Cooldowns of repetitive notifications (storage full, energy deficit), per key. */
const COOLDOWN_MS = 300_000;

/** Like notify(), but at most once per COOLDOWN_MS for the same key. */
export function notifyWithCooldown(
  ctx: SimContext,
  userId: UserId,
  type: string,
  key: string,
  payload: Record<string, unknown>,
): boolean {
  const sent = ctx.world.transient.notificationCooldowns;
  const fullKey = `${userId}:${type}:${key}`;
  const previous = sent.get(fullKey);
  if (previous !== undefined && ctx.now - previous < COOLDOWN_MS) return false;
  sent.set(fullKey, ctx.now);
  notify(ctx, userId, type, payload);
  return true;
}
