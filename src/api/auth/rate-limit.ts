/**
 * Fixed-window counter per key (the specification's per-user limit: N requests per 60 s
 * window). It lives next to authentication because its key is the verified user id, which
 * only exists after the token check; old windows are dropped as they roll over.
 */
export interface RateStanding {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/** The x-ratelimit-* headers that @fastify/rate-limit sends, for a standing of our own. */
export function rateLimitHeaders(s: RateStanding): Record<string, string> {
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-reset': String(s.resetSeconds),
  };
}

export class FixedWindowLimiter {
  private windowStart = 0;
  private counts = new Map<string | number, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; returns the seconds to wait if over the limit, otherwise 0. */
  hit(key: string | number, nowMs: number): number {
    if (this.limit <= 0) return 0;
    const window = this.windowOf(nowMs);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limit) return 0;
    return this.secondsLeft(window, nowMs);
  }

  /** The seconds to wait if `key` is already over the limit (counting nothing), otherwise 0. */
  waitFor(key: string | number, nowMs: number): number {
    if (this.limit <= 0) return 0;
    const window = this.windowOf(nowMs);
    if ((this.counts.get(key) ?? 0) < this.limit) return 0;
    return this.secondsLeft(window, nowMs);
  }

  /**
   * The state of `key`'s window after the last hit, for the x-ratelimit-* headers: the limit,
   * what is left of it and the seconds until the window starts over (null when unlimited).
   */
  standing(key: string | number, nowMs: number): RateStanding | null {
    if (this.limit <= 0) return null;
    const window = this.windowOf(nowMs);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - (this.counts.get(key) ?? 0)),
      resetSeconds: this.secondsLeft(window, nowMs),
    };
  }

  /** Whole seconds (at least 1) until the window that started at `window` ends. */
  private secondsLeft(window: number, nowMs: number): number {
    return Math.max(1, Math.ceil((window + this.windowMs - nowMs) / 1000));
  }

  private windowOf(nowMs: number): number {
    const window = Math.floor(nowMs / this.windowMs) * this.windowMs;
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.counts = new Map();
    }
    return window;
  }
}
