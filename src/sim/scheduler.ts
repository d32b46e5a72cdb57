/**
 * One priority queue of timed events ordered by (due ms, sequence). The tick pops what is due;
 * its cost is proportional to the number of due events, not to the size of the world.
 * Cancelled events are not removed from the heap: handlers re-check their entity and ignore
 * stale entries (lazy deletion), which keeps every operation O(log n).
 */
export interface TimedEvent {
  due: number;
  seq: number;
  kind: string;
  ref: number;
}

export class Scheduler {
  private heap: TimedEvent[] = [];
  private nextSeq = 1;

  get size(): number {
    return this.heap.length;
  }

  schedule(due: number, kind: string, ref: number): TimedEvent {
    const event = { due, seq: this.nextSeq++, kind, ref };
    this.heap.push(event);
    this.siftUp(this.heap.length - 1);
    return event;
  }

  peek(): TimedEvent | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest event if it is due at `now`. */
  popDue(now: number): TimedEvent | undefined {
    const top = this.heap[0];
    if (top === undefined || top.due > now) return undefined;
    const last = this.heap.pop() as TimedEvent;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    this.heap = [];
  }

  private less(a: TimedEvent, b: TimedEvent): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const item = heap[index] as TimedEvent;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const p = heap[parent] as TimedEvent;
      if (!this.less(item, p)) break;
      heap[index] = p;
      index = parent;
    }
    heap[index] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[index] as TimedEvent;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.less(heap[right] as TimedEvent, heap[left] as TimedEvent))
        child = right;
      const c = heap[child] as TimedEvent;
      if (!this.less(c, item)) break;
      heap[index] = c;
      index = child;
    }
    heap[index] = item;
  }
}
