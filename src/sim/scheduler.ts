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
  // The heap as parallel arrays, one slot per event: no object (and no boxed due time) per
  // pending event, which matters with one or two events per planet of a large world.
  private dues: number[] = [];
  private seqs: number[] = [];
  private kinds: string[] = [];
  private refs: number[] = [];
  private nextSeq = 1;

  get size(): number {
    return this.dues.length;
  }

  schedule(due: number, kind: string, ref: number): TimedEvent {
    const seq = this.nextSeq++;
    const { dues, seqs } = this;
    // Sift up: move parents down into the hole until the new event's place is found.
    let index = dues.length;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const pDue = dues[parent] as number;
      if (!(due < pDue || (due === pDue && seq < (seqs[parent] as number)))) break;
      this.moveSlot(parent, index);
      index = parent;
    }
    this.setSlot(index, due, seq, kind, ref);
    return { due, seq, kind, ref };
  }

  peek(): TimedEvent | undefined {
    return this.dues.length === 0 ? undefined : this.at(0);
  }

  /** Removes and returns the earliest event if it is due at `now`. */
  popDue(now: number): TimedEvent | undefined {
    const { dues, seqs, kinds, refs } = this;
    if (dues.length === 0 || (dues[0] as number) > now) return undefined;
    const top = this.at(0);
    const due = dues.pop() as number;
    const seq = seqs.pop() as number;
    const kind = kinds.pop() as string;
    const ref = refs.pop() as number;
    const n = dues.length;
    if (n === 0) return top;
    // Sift the last event down from the root: move the smaller child up into the hole.
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.less(right, left)) child = right;
      const cDue = dues[child] as number;
      if (!(cDue < due || (cDue === due && (seqs[child] as number) < seq))) break;
      this.moveSlot(child, index);
      index = child;
    }
    this.setSlot(index, due, seq, kind, ref);
    return top;
  }

  /** Copies the event in slot `from` into slot `to` (a step of a sift). */
  private moveSlot(from: number, to: number): void {
    this.dues[to] = this.dues[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as string;
    this.refs[to] = this.refs[from] as number;
  }

  private setSlot(index: number, due: number, seq: number, kind: string, ref: number): void {
    this.dues[index] = due;
    this.seqs[index] = seq;
    this.kinds[index] = kind;
    this.refs[index] = ref;
  }

  clear(): void {
    this.dues = [];
    this.seqs = [];
    this.kinds = [];
    this.refs = [];
  }

  private at(index: number): TimedEvent {
    return {
      due: this.dues[index] as number,
      seq: this.seqs[index] as number,
      kind: this.kinds[index] as string,
      ref: this.refs[index] as number,
    };
  }

  /** Whether slot i comes before slot j: by due time, then by sequence. */
  private less(i: number, j: number): boolean {
    const a = this.dues[i] as number;
    const b = this.dues[j] as number;
    return a < b || (a === b && (this.seqs[i] as number) < (this.seqs[j] as number));
  }
}
