import type { OutboundEvent } from '../types.js';

const SHIP_BATCH = 'ship_build_complete_batch';

type ShipItem = { type: string; count: number; queued_at: string; completion_time: string };

/**
 * Merges the ship completions of one commit into a single `ship_build_complete_batch` per
 * player (units of the same order are summed), keeping every other message in order.
 */
export function coalesceEvents(events: readonly OutboundEvent[]): OutboundEvent[] {
  const out: OutboundEvent[] = [];
  const batches = new Map<
    number,
    { message: Record<string, unknown>; items: Map<string, ShipItem> }
  >();
  for (const event of events) {
    if (event.message.type !== SHIP_BATCH) {
      out.push(event);
      continue;
    }
    let batch = batches.get(event.userId);
    if (!batch) {
      batch = { message: { ...event.message }, items: new Map() };
      batches.set(event.userId, batch);
      out.push({ userId: event.userId, message: batch.message as OutboundEvent['message'] });
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
  }
  for (const batch of batches.values()) batch.message.items = [...batch.items.values()];
  return out;
}
