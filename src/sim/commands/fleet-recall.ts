import type { Command } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { requireUser } from '../economy/lookup.js';
import { saveFleet } from '../fleet/fleet-state.js';
import { scheduleFleet } from '../fleet/schedule.js';
import type { Fleet, UserId } from '../types.js';

/** The Python server's floor for the way back of a recalled fleet. */
const MIN_RECALL_RETURN_MS = 1000;

/**
 * Turns a fleet around before it arrives: it is home after as long as it has flown so far. A
 * fleet already recalled answers again with the same return time (idempotent); one that has
 * arrived (holding at, or returning from, its target) cannot be recalled.
 */
export const recallFleet: Command<{ userId: UserId; fleetId: number }, Fleet> = (
  ctx,
  { userId, fleetId },
) => {
  requireUser(ctx, userId);
  const fleet = ctx.world.fleets.get(fleetId);
  if (!fleet || fleet.ownerId !== userId) throw notFound('Fleet not found');
  if (fleet.recalled && fleet.state === 'returning') return fleet;
  if (fleet.state !== 'outbound' || fleet.arrivalTime <= ctx.now) {
    throw badRequest('No in-flight fleet to recall or fleet already arrived');
  }
  fleet.state = 'returning';
  fleet.recalled = true;
  fleet.returnTime = ctx.now + Math.max(MIN_RECALL_RETURN_MS, ctx.now - fleet.departureTime);
  saveFleet(ctx, fleet);
  scheduleFleet(ctx, fleet);
  return fleet;
};
