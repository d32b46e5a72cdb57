// Closed-form resource accrual shared by every ruleset. Rates are continuous (per hour) and do
// not depend on the amounts, so a planet's stock at any time follows from its stock at the last
// update, its rates and its capacity: the simulation never needs to tick resources.

import { RESOURCE_KINDS, type ResourceKind, type Resources } from './types.js';

/** The mine that produces each resource (the same building ids in every ruleset). */
export const MINE_OF: Readonly<Record<ResourceKind, string>> = {
  metal: 'metal_mine',
  crystal: 'crystal_mine',
  deuterium: 'deuterium_synthesizer',
};

/** The building that enlarges each resource's storage (the same ids in every ruleset). */
export const STORAGE_OF: Readonly<Record<ResourceKind, string>> = {
  metal: 'metal_storage',
  crystal: 'crystal_storage',
  deuterium: 'deuterium_tank',
};

/**
 * One resource after `hours` at net hourly `rate`. Production never pushes a stock past its
 * capacity, but a stock already above it (loot, transports, a lowered cap) is left as is rather
 * than cut down; consumption drains it and stops at zero.
 */
export function advanceAmount(
  amount: number,
  rate: number,
  capacity: number,
  hours: number,
): number {
  if (hours <= 0 || rate === 0) return amount;
  if (rate > 0) {
    if (amount >= capacity) return amount;
    return Math.min(capacity, amount + rate * hours);
  }
  return Math.max(0, amount + rate * hours);
}

/** Every resource after `hours`; see `advanceAmount`. Returns a new object. */
export function advanceResources(
  amounts: Resources,
  ratesPerHour: Resources,
  capacity: Resources,
  hours: number,
): Resources {
  return {
    metal: advanceAmount(amounts.metal, ratesPerHour.metal, capacity.metal, hours),
    crystal: advanceAmount(amounts.crystal, ratesPerHour.crystal, capacity.crystal, hours),
    deuterium: advanceAmount(amounts.deuterium, ratesPerHour.deuterium, capacity.deuterium, hours),
  };
}

/**
 * Hours until a stock reaches its capacity: 0 if it already has, undefined if it never will
 * (the net rate is not positive). The simulation schedules `storage_full` notifications with it.
 */
export function hoursUntilFull(amount: number, rate: number, capacity: number): number | undefined {
  if (amount >= capacity) return 0;
  if (rate <= 0) return undefined;
  return (capacity - amount) / rate;
}

/** `hoursUntilFull` for each resource; resources that never fill up are left out. */
export function hoursUntilFullByResource(
  amounts: Resources,
  ratesPerHour: Resources,
  capacity: Resources,
): Partial<Record<ResourceKind, number>> {
  const out: Partial<Record<ResourceKind, number>> = {};
  for (const kind of RESOURCE_KINDS) {
    const hours = hoursUntilFull(amounts[kind], ratesPerHour[kind], capacity[kind]);
    if (hours !== undefined) out[kind] = hours;
  }
  return out;
}
