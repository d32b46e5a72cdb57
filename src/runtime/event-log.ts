import type { ChangeSet } from '../sim/changes.js';
import type { OutboundEvent } from '../sim/types.js';

/**
 * Messages left out of the event log: a `notification` message is its stored notification, which
 * a reconnect replays from the notifications table.
 */
const NOT_LOGGED: ReadonlySet<string> = new Set(['notification']);

/**
 * Adds the events of a batch to the event log (table `event_log`), in the batch's own changes:
 * an event is logged exactly when the change that caused it is durable. Each message is
 * serialized once, here; the WebSocket hub sends the same text (`OutboundEvent.json`).
 */
export function logEvents(events: readonly OutboundEvent[], changes: ChangeSet, now: number): void {
  for (const event of events) {
    const { seq, message } = event;
    if (seq === undefined || NOT_LOGGED.has(message.type)) continue;
    const json = JSON.stringify(message);
    event.json = json;
    changes.insert('event_log', {
      seq,
      user_id: event.userId,
      type: message.type,
      message: json,
      created_at: now,
    });
  }
}
