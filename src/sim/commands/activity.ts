import type { Command } from '../context.js';
import type { User, UserId } from '../types.js';
import type { World } from '../world.js';

/** last_active is written at most this often per player: activity is a coarse fact. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** Whether an action at `now` should be recorded (cheap; the auth guard asks before executing). */
export function activityDue(world: World, user: User, now: number): boolean {
  return now - user.lastActive >= ACTIVITY_WRITE_INTERVAL_MS || world.inactiveMarks.has(user.id);
}

/** Records that a player acted: refreshes last_active and lifts a cleanup mark. */
export const recordActivity: Command<{ userId: UserId }, boolean> = (ctx, { userId }) => {
  const user = ctx.world.users.get(userId);
  if (!user || !activityDue(ctx.world, user, ctx.now)) return false;
  if (ctx.now > user.lastActive) {
    user.lastActive = ctx.now;
    ctx.changes.touch('users', user.id);
  }
  if (ctx.world.inactiveMarks.delete(user.id)) ctx.changes.remove('inactive_players', user.id);
  return true;
};
