import type { UserId } from '../types.js';

/** The retained notifications of one player: ids in ascending order and the unread ones. */
export interface Inbox {
  readonly ids: number[];
  readonly unread: Set<number>;
}

function indexOf(ids: readonly number[], id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * An in-memory index of the stored notifications (the rows themselves stay in the store): which
 * ids each player has and which are unread. It makes unread counts, retention and "not yours"
 * answers exact without a database round trip; it is rebuilt from the store at start-up.
 * Memory: one number per retained notification (at most NOTIFICATION_RETENTION per player).
 */
export class Inboxes {
  private readonly byUser = new Map<UserId, Inbox>();

  of(userId: UserId): Inbox | undefined {
    return this.byUser.get(userId);
  }

  /** Records a notification; ids must arrive in ascending order (they do: one sequence). */
  add(userId: UserId, id: number, unread: boolean): void {
    let inbox = this.byUser.get(userId);
    if (!inbox) this.byUser.set(userId, (inbox = { ids: [], unread: new Set() }));
    inbox.ids.push(id);
    if (unread) inbox.unread.add(id);
  }

  has(userId: UserId, id: number): boolean {
    const inbox = this.byUser.get(userId);
    return inbox !== undefined && indexOf(inbox.ids, id) >= 0;
  }

  isUnread(userId: UserId, id: number): boolean {
    return this.byUser.get(userId)?.unread.has(id) ?? false;
  }

  /** Marks one notification read; false if it was not unread. */
  markRead(userId: UserId, id: number): boolean {
    return this.byUser.get(userId)?.unread.delete(id) ?? false;
  }

  /** Marks every notification read; returns the ids that were unread. */
  markAllRead(userId: UserId): number[] {
    const inbox = this.byUser.get(userId);
    if (!inbox) return [];
    const ids = [...inbox.unread].sort((a, b) => a - b);
    inbox.unread.clear();
    return ids;
  }

  remove(userId: UserId, id: number): boolean {
    const inbox = this.byUser.get(userId);
    if (!inbox) return false;
    const at = indexOf(inbox.ids, id);
    if (at < 0) return false;
    inbox.ids.splice(at, 1);
    inbox.unread.delete(id);
    return true;
  }

  /** Removes and returns the oldest ids beyond the newest `keep`. */
  trim(userId: UserId, keep: number): number[] {
    const inbox = this.byUser.get(userId);
    if (!inbox || inbox.ids.length <= keep) return [];
    const dropped = inbox.ids.splice(0, inbox.ids.length - keep);
    for (const id of dropped) inbox.unread.delete(id);
    return dropped;
  }

  unreadCount(userId: UserId): number {
    return this.byUser.get(userId)?.unread.size ?? 0;
  }

  drop(userId: UserId): void {
    this.byUser.delete(userId);
  }
}
