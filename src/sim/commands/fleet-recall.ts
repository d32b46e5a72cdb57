import type { Command, SimContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { requireUser } from '../economy/lookup.js';
import { saveFleet } from '../fleet/fleet-state.js';
import { scheduleFleet } from '../fleet/schedule.js';
import type { Fleet, UserId } from '../types.js';

/** The Python server's floor for the way back of a recalled fleet. */
const MIN_RECALL_RETURN_MS = 1000;

const NOT_IN_FLIGHT = 'No in-flight fleet to recall or fleet already arrived';

/** Whether `fleet` can still be turned around: on its way out and not arrived yet. */
const inFlight = (fleet: Fleet, now: number) =>
  fleet.state === 'outbound' && fleet.arrivalTime > now;

/**
 * The fleet a recall names, or (compatibility with the Python server, which kept one movement
 * per player and ignored the id) the player's only fleet in flight when the id is not one of
 * theirs. No fleet in flight is 400, as the Python server answered; with several the id must
 * be right (404). Another player's fleet is never touched.
 */
function fleetToRecall(ctx: Pick<SimContext, 'world' | 'now'>, userId: UserId, fleetId: number) {
  const named = ctx.world.fleets.get(fleetId);
  if (named && named.ownerId === userId) return named;
  const flying = ctx.world.fleets.ownedBy(userId).filter((f) => inFlight(f, ctx.now));
  if (flying.length === 0) throw badRequest('no_fleet_in_flight', NOT_IN_FLIGHT);
  if (flying.length > 1) throw notFound('fleet_not_found', 'Fleet not found');
  return flying[0]!;
}

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
  const fleet = fleetToRecall(ctx, userId, fleetId);
  if (fleet.recalled && fleet.state === 'returning') return fleet;
  if (!inFlight(fleet, ctx.now)) throw badRequest('no_fleet_in_flight', NOT_IN_FLIGHT);
  fleet.state = 'returning';
  fleet.recalled = true;
  fleet.returnTime = ctx.now + Math.max(MIN_RECALL_RETURN_MS, ctx.now - fleet.departureTime);
  saveFleet(ctx, fleet);
  scheduleFleet(ctx, fleet);
  return fleet;
};
