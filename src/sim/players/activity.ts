import type { User, UserId } from '../types.js';
import type { World } from '../world.js';

export const MS_PER_DAY = 86_400_000;
/** The genre's activity markers: "i" after a week without activity, "I" after four weeks. */
export const INACTIVE_DAYS = 7;
export const LONG_INACTIVE_DAYS = 28;

export type ActivityMarker = 'active' | 'i' | 'I';

export function activityMarker(user: User, now: number): ActivityMarker {
  const idle = now - user.lastActive;
  if (idle >= LONG_INACTIVE_DAYS * MS_PER_DAY) return 'I';
  if (idle >= INACTIVE_DAYS * MS_PER_DAY) return 'i';
  return 'active';
}

/** Whether the cleanup marked the player inactive and they have not been back since. */
export function isMarkedInactive(world: World, user: User): boolean {
  const markedAt = world.inactiveMarks.get(user.id);
  return markedAt !== undefined && user.lastActive <= markedAt;
}

/** The activity facts shown next to a player in the highscore and the galaxy view. */
export function activityView(world: World, userId: UserId, now: number) {
  const user = world.users.get(userId);
  if (!user) return { activity: 'active' as ActivityMarker, marked_inactive: false };
  return { activity: activityMarker(user, now), marked_inactive: isMarkedInactive(world, user) };
}
