// Counts and latencies of the load test, per request name and status, with percentiles at the
// end. One LoadStats per phase: account set-up and the measured gameplay window.

/**
 * What an answer means for the scenario:
 * - ok: 2xx (and 101 for the WebSocket upgrade);
 * - rejected: the game saying no to a valid request (409 conflict: not enough resources, queue
 *   full, offer already taken; 422 an unprocessable request), expected in normal play;
 * - anything else is an error, by class: unexpected 4xx (400/401/403/404: the scenario or the
 *   server is wrong), 429 (a limit the load test turns off), 5xx, network failures and
 *   unexpected WebSocket closes.
 */
export const EXPECTED_REJECTIONS: ReadonlySet<number> = new Set([409, 422]);

export type Outcome = 'ok' | 'rejected' | 'error';

export function classify(status: number): Outcome {
  if ((status >= 200 && status < 300) || status === 101) return 'ok';
  if (EXPECTED_REJECTIONS.has(status)) return 'rejected';
  return 'error';
}

export function errorClass(status: number): string {
  if (status === 0) return 'network';
  if (status === 429) return 'http_429';
  if (status >= 500) return 'http_5xx';
  if (status >= 400) return `http_${status}`;
  return `status_${status}`;
}

export interface NameStats {
  count: number;
  ok: number;
  rejected: number;
  errors: number;
  statuses: Map<number, number>;
  latencies: number[];
}

const MAX_SAMPLES = 20;

export class LoadStats {
  readonly byName = new Map<string, NameStats>();
  readonly errorSamples: string[] = [];
  readonly errorsByClass = new Map<string, number>();
  /** One answer body per request name and rejection status, to see why the game said no. */
  readonly rejectionSamples = new Map<string, string>();
  wsUnexpectedCloses = 0;

  record(name: string, status: number, ms: number, detail?: string): Outcome {
    let s = this.byName.get(name);
    if (!s) {
      s = { count: 0, ok: 0, rejected: 0, errors: 0, statuses: new Map(), latencies: [] };
      this.byName.set(name, s);
    }
    s.count++;
    s.latencies.push(ms);
    s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
    const outcome = classify(status);
    if (outcome === 'ok') s.ok++;
    else if (outcome === 'rejected') {
      s.rejected++;
      const key = `${name} ${status}`;
      if (!this.rejectionSamples.has(key) && this.rejectionSamples.size < 50)
        this.rejectionSamples.set(key, (detail ?? '').slice(0, 160));
    } else {
      s.errors++;
      this.countError(errorClass(status), `${name}: ${status} ${(detail ?? '').slice(0, 200)}`);
    }
    return outcome;
  }

  wsClosed(code: number): void {
    this.wsUnexpectedCloses++;
    this.countError('ws_close', `websocket closed with ${code}`);
  }

  private countError(cls: string, sample: string): void {
    this.errorsByClass.set(cls, (this.errorsByClass.get(cls) ?? 0) + 1);
    if (this.errorSamples.length < MAX_SAMPLES) this.errorSamples.push(sample.trim());
  }

  get totalErrors(): number {
    let n = 0;
    for (const v of this.errorsByClass.values()) n += v;
    return n;
  }

  /** Figures of this phase over `seconds` of wall time. */
  summary(seconds: number) {
    const all: number[] = [];
    const rows = [...this.byName.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([name, s]) => {
        for (const ms of s.latencies) all.push(ms);
        return {
          name,
          count: s.count,
          ...summarise(s.latencies),
          ok: s.ok,
          rejected: s.rejected,
          errors: s.errors,
          statuses: Object.fromEntries([...s.statuses.entries()].sort((a, b) => a[0] - b[0])),
        };
      });
    const total = rows.reduce((a, r) => a + r.count, 0);
    return {
      seconds: Math.round(seconds * 10) / 10,
      requests: total,
      requests_per_second: seconds > 0 ? Math.round((total / seconds) * 10) / 10 : 0,
      ...summarise(all),
      errors: this.totalErrors,
      errors_by_class: Object.fromEntries(this.errorsByClass),
      by_name: rows,
      error_samples: this.errorSamples,
      rejection_samples: Object.fromEntries(this.rejectionSamples),
    };
  }
}

export function summarise(latencies: number[]) {
  const s = Float64Array.from(latencies).sort();
  const at = (p: number) =>
    Math.round((s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0) * 10) /
    10;
  return { p50_ms: at(0.5), p90_ms: at(0.9), p99_ms: at(0.99), max_ms: at(1) };
}
