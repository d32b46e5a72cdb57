/**
 * Rolling statistics of a timing (count, total, min, max, last, avg and p95/p99 over the most
 * recent samples), in the JSON shape of the specification's /metrics.
 */
const WINDOW = 1024;

export interface StatSnapshot {
  count: number;
  total_ms: number;
  avg_ms: number;
  min_ms: number;
  max_ms: number;
  last_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export class RollingStat {
  count = 0;
  total = 0;
  min = Infinity;
  max = 0;
  last = 0;
  private readonly samples = new Float64Array(WINDOW);

  record(ms: number): void {
    this.samples[this.count % WINDOW] = ms;
    this.count++;
    this.total += ms;
    this.last = ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  private percentile(sorted: Float64Array, p: number): number {
    if (sorted.length === 0) return 0;
    const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
    return sorted[Math.max(0, index)] ?? 0;
  }

  snapshot(): StatSnapshot {
    const n = Math.min(this.count, WINDOW);
    const sorted = this.samples.slice(0, n).sort();
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      count: this.count,
      total_ms: round(this.total),
      avg_ms: round(this.count ? this.total / this.count : 0),
      min_ms: round(this.count ? this.min : 0),
      max_ms: round(this.max),
      last_ms: round(this.last),
      p95_ms: round(this.percentile(sorted, 95)),
      p99_ms: round(this.percentile(sorted, 99)),
    };
  }
}
