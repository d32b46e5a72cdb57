// Counts and latencies of the load test, per request name, with percentiles at the end.

const SETUP_NAMES = new Set(['register', 'login', 'ws_connect']);

export interface NameStats {
  count: number;
  ok: number;
  rejected: number;
  errors: number;
  latencies: number[];
}

/** 2xx = ok; 4xx = the game said no (expected: no resources, full queue); 5xx/network/429 = error. */
export class LoadStats {
  readonly byName = new Map<string, NameStats>();
  readonly errorSamples: string[] = [];
  wsMessages = new Map<string, number>();
  wsUnexpectedCloses = 0;

  record(name: string, status: number, ms: number, error?: string): void {
    let s = this.byName.get(name);
    if (!s) {
      s = { count: 0, ok: 0, rejected: 0, errors: 0, latencies: [] };
      this.byName.set(name, s);
    }
    s.count++;
    s.latencies.push(ms);
    if ((status >= 200 && status < 300) || status === 101) s.ok++;
    else if (status >= 400 && status < 500 && status !== 429) s.rejected++;
    else {
      s.errors++;
      if (this.errorSamples.length < 20)
        this.errorSamples.push(`${name}: ${status} ${error ?? ''}`.trim());
    }
  }

  wsMessage(type: string): void {
    this.wsMessages.set(type, (this.wsMessages.get(type) ?? 0) + 1);
  }

  wsClosed(code: number): void {
    this.wsUnexpectedCloses++;
    if (this.errorSamples.length < 20) this.errorSamples.push(`websocket closed with ${code}`);
  }

  get totalErrors(): number {
    let n = this.wsUnexpectedCloses;
    for (const s of this.byName.values()) n += s.errors;
    return n;
  }

  summary(seconds: number) {
    const all: number[] = [];
    const rows = [...this.byName.entries()].map(([name, s]) => {
      all.push(...s.latencies);
      return {
        name,
        ...summarise(s.latencies),
        count: s.count,
        ok: s.ok,
        rejected: s.rejected,
        errors: s.errors,
      };
    });
    const total = rows.reduce((a, r) => a + r.count, 0);
    // Account set-up (argon2 hashing by design, ~20 ms of CPU each) is reported apart from play.
    const gameplay = rows
      .filter((r) => !SETUP_NAMES.has(r.name))
      .flatMap((r) => this.byName.get(r.name)?.latencies ?? []);
    return {
      seconds,
      requests: total,
      requests_per_second: Math.round((total / seconds) * 10) / 10,
      ...summarise(all),
      gameplay_p50_ms: summarise(gameplay).p50_ms,
      gameplay_p99_ms: summarise(gameplay).p99_ms,
      errors: this.totalErrors,
      ws_messages: Object.fromEntries(this.wsMessages),
      by_name: rows,
      error_samples: this.errorSamples,
    };
  }
}

function summarise(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0) * 10) /
    10;
  return { p50_ms: at(0.5), p90_ms: at(0.9), p99_ms: at(0.99), max_ms: at(1) };
}
