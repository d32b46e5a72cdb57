import type { Command } from '../context.js';
import { notFound } from '../errors.js';
import type { UserId } from '../types.js';

export interface ReadResult {
  id: number;
  /** False when it had been read before (nothing changed). */
  changed: boolean;
  unread: number;
}

/** The player's notification `id`, or the same 404 whether it is missing or someone else's. */
function requireOwn(
  ctx: Parameters<Command<unknown, unknown>>[0],
  userId: UserId,
  id: number,
): void {
  if (!ctx.world.inboxes.has(userId, id))
    throw notFound('notification_not_found', 'Notification not found');
}

export const markNotificationRead: Command<{ userId: UserId; id: number }, ReadResult> = (
  ctx,
  { userId, id },
) => {
  requireOwn(ctx, userId, id);
  const changed = ctx.world.inboxes.markRead(userId, id);
  if (changed) ctx.changes.updateWhere('notifications', { id }, { read_at: ctx.now });
  return { id, changed, unread: ctx.world.inboxes.unreadCount(userId) };
};

/** Marks every unread notification of the player read; returns how many were unread. */
export const markAllNotificationsRead: Command<{ userId: UserId }, number> = (ctx, { userId }) => {
  const ids = ctx.world.inboxes.markAllRead(userId);
  for (const id of ids) ctx.changes.updateWhere('notifications', { id }, { read_at: ctx.now });
  return ids.length;
};

export const deleteNotification: Command<
  { userId: UserId; id: number },
  { id: number; unread: number }
> = (ctx, { userId, id }) => {
  requireOwn(ctx, userId, id);
  ctx.world.inboxes.remove(userId, id);
  ctx.changes.deleteWhere('notifications', { id });
  return { id, unread: ctx.world.inboxes.unreadCount(userId) };
};
