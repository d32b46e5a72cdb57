import type { FastifyBaseLogger } from 'fastify';

/**
 * At most one log line per interval for a kind of event any client can cause (a WebSocket
 * frame over the limit, bad UTF-8): a warn line without a stack, saying how many more were
 * left out since the last one. Before, each such frame wrote an error with its stack trace, so
 * any client could fill the log.
 */
export class ThrottledWarning {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly message: string,
    private readonly intervalMs = 10_000,
  ) {}

  warn(log: FastifyBaseLogger, fields: Record<string, unknown>): void {
    const now = performance.now();
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    this.lastAt = now;
    log.warn({ ...fields, suppressed: this.suppressed }, this.message);
    this.suppressed = 0;
  }
}
