import type { OutboundEvent } from '../types.js';

const SHIP_BATCH = 'ship_build_complete_batch';

type ShipItem = { type: string; count: number; queued_at: string; completion_time: string };

interface Merged {
  message: Record<string, unknown>;
  items: Map<string, ShipItem>;
  /** Index of the last ship completion of this player in the commit. */
  last: number;
  seq: number | undefined;
}

/**
 * Merges the ship completions of one commit into a single `ship_build_complete_batch` per
 * player (units of the same order are summed), keeping every other message in order. The
 * merged message takes the place and the `seq` of the last completion it contains, so every
 * player's messages still go out in increasing `seq` order (a client resuming from a `seq`
 * relies on it).
 */
export function coalesceEvents(events: readonly OutboundEvent[]): OutboundEvent[] {
  const batches = new Map<number, Merged>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as OutboundEvent;
    if (event.message.type !== SHIP_BATCH) continue;
    let batch = batches.get(event.userId);
    if (!batch) {
      batch = { message: { ...event.message }, items: new Map(), last: i, seq: event.seq };
      batches.set(event.userId, batch);
    }
    for (const item of event.message.items as ShipItem[]) {
      const key = `${event.message.entity}:${item.type}:${item.queued_at}`;
      const existing = batch.items.get(key);
      if (existing) {
        existing.count += item.count;
        if (item.completion_time > existing.completion_time)
          existing.completion_time = item.completion_time;
      } else batch.items.set(key, { ...item });
    }
    batch.message.timestamp = event.message.timestamp;
    batch.last = i;
    if (event.seq !== undefined && (batch.seq === undefined || event.seq > batch.seq))
      batch.seq = event.seq;
  }
  if (batches.size === 0) return [...events];
  const out: OutboundEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as OutboundEvent;
    if (event.message.type !== SHIP_BATCH) {
      out.push(event);
      continue;
    }
    const batch = batches.get(event.userId) as Merged;
    if (batch.last !== i) continue;
    batch.message.items = [...batch.items.values()];
    const message = batch.message as OutboundEvent['message'];
    out.push(
      batch.seq === undefined
        ? { userId: event.userId, message }
        : { userId: event.userId, message, seq: batch.seq },
    );
  }
  return out;
}
