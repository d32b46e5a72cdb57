import type { SimContext } from '../context.js';
import { removeItem } from '../economy/queues.js';
import { closeOffer, recordTradeEvent, refundEscrow } from '../market/offers.js';
import type { Coordinates, PlanetId, User, UserId } from '../types.js';

/** Meta key of the largest user id ever deleted: ids are never handed out twice. */
export const LAST_DELETED_USER_ID_KEY = 'last_deleted_user_id';

/** What deleting a player removed, for the caller's log. */
export interface RemovedPlayer {
  user_id: UserId;
  username: string;
  planets: Array<{ id: PlanetId } & Coordinates>;
  queue_items: number;
  offers_cancelled: number;
  fleets: number;
}

/**
 * Deletes a player and everything they own: open offers are cancelled with their escrow
 * refunded first (the trade history keeps the record), then queues, fleets, planets (their
 * coordinates become free), notifications and logged events, sessions, research and the
 * account itself. Battle and espionage reports stay: the other participant still reads them.
 */
export function removePlayer(ctx: SimContext, user: User): RemovedPlayer {
  const { world, changes } = ctx;
  const offers = world.market.ofSeller(user.id);
  for (const offer of offers) {
    refundEscrow(ctx, offer);
    closeOffer(ctx, offer, 'cancelled');
    recordTradeEvent(ctx, offer, 'offer_cancelled');
  }
  let queueItems = 0;
  for (const item of [...world.researchQueue(user.id)]) {
    removeItem(ctx, item);
    queueItems++;
  }
  const fleets = world.fleets.ownedBy(user.id);
  for (const fleet of fleets) {
    // Ships in flight are lost with their owner; pending fleet events find the fleet gone.
    world.fleets.remove(fleet);
    changes.remove('fleets', fleet.id);
    changes.remove('fleet_ships', fleet.id);
  }
  const planets = world.planetsOf(user.id);
  for (const planet of planets) {
    for (const item of [...world.buildQueue(planet.id), ...world.shipQueue(planet.id)]) {
      removeItem(ctx, item);
      queueItems++;
    }
    world.removePlanet(planet);
    world.transient.storageFullAt.delete(planet.id);
    changes.remove('planets', planet.id);
  }
  world.planetsByOwner.delete(user.id);
  world.inboxes.drop(user.id);
  changes.deleteWhere('notifications', { user_id: user.id });
  changes.deleteWhere('event_log', { user_id: user.id });
  if (world.inactiveMarks.delete(user.id)) changes.remove('inactive_players', user.id);
  // Every session goes with the account: its tokens name a session that no longer exists.
  for (const session of world.sessions.ofUser(user.id)) {
    world.sessions.remove(session);
    changes.remove('sessions', session.id);
  }
  world.sessions.setPasswordChangedAt(user.id, null);
  // The id sequence restarts after the largest stored user id, so deleting the newest player
  // gave the next account their id after a restart — and with it their unexpired tokens, battle
  // reports and trade history (found by the access-control tests, issue 6). The largest deleted
  // id is kept, and loadWorld continues the sequence above it.
  if (user.id > Number(world.meta.get(LAST_DELETED_USER_ID_KEY) ?? 0)) {
    world.meta.set(LAST_DELETED_USER_ID_KEY, String(user.id));
    changes.touch('meta', LAST_DELETED_USER_ID_KEY);
  }
  world.removeUser(user);
  changes.remove('research', user.id);
  changes.remove('users', user.id);
  return {
    user_id: user.id,
    username: user.username,
    planets: planets.map((p) => ({
      id: p.id,
      galaxy: p.galaxy,
      system: p.system,
      position: p.position,
    })),
    queue_items: queueItems,
    offers_cancelled: offers.length,
    fleets: fleets.length,
  };
}
