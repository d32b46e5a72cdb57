import type { Ruleset } from '../../rules/types.js';
import type { EventHandler } from '../context.js';
import { watchStorage } from '../economy/level-change.js';
import {
  EVENT_BUILDING,
  EVENT_RESEARCH,
  EVENT_SHIPYARD,
  EVENT_STORAGE_FULL,
  scheduleItem,
} from '../economy/queues.js';
import { EVENT_OFFER_EXPIRY } from '../market/offers.js';
import {
  EVENT_FLEET_ARRIVAL,
  EVENT_FLEET_HOLD,
  EVENT_FLEET_RETURN,
  scheduleAllFleets,
} from '../fleet/schedule.js';
import type { Scheduler } from '../scheduler.js';
import { rebuildScores } from '../scores/refresh.js';
import type { World } from '../world.js';
import { onBuildingComplete, onResearchComplete, onShipBuilt } from './queues.js';
import { onOfferExpiry } from './offer-expiry.js';
import { onStorageFull } from './storage.js';
import { onFleetArrival, onFleetHoldEnd, onFleetReturn } from './fleets.js';

/** Every timed event kind and its handler. */
export const EVENT_HANDLERS: Record<string, EventHandler> = {
  [EVENT_BUILDING]: onBuildingComplete,
  [EVENT_RESEARCH]: onResearchComplete,
  [EVENT_SHIPYARD]: onShipBuilt,
  [EVENT_STORAGE_FULL]: onStorageFull,
  [EVENT_OFFER_EXPIRY]: onOfferExpiry,
  [EVENT_FLEET_ARRIVAL]: onFleetArrival,
  [EVENT_FLEET_HOLD]: onFleetHoldEnd,
  [EVENT_FLEET_RETURN]: onFleetReturn,
};

/**
 * Puts every pending timed thing of a freshly loaded world into the scheduler: queue items at
 * their stored times (so they finish when originally planned) and the storage watches.
 */
export function scheduleAll(world: World, scheduler: Scheduler, rules: Ruleset, now: number): void {
  for (const item of world.queueItems.values()) scheduleItem({ scheduler }, item);
  scheduleAllFleets(world, { scheduler });
  for (const planet of world.planets.values())
    watchStorage({ world, rules, scheduler }, planet, now);
  for (const offer of world.market.open.values()) {
    if (offer.expiresAt !== null) scheduler.schedule(offer.expiresAt, EVENT_OFFER_EXPIRY, offer.id);
  }
  // Not an event, but derived from the loaded state like the watches: highscores.
  rebuildScores(world, rules);
}
