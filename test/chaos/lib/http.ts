// A tiny HTTP client for the chaos tests: every call resolves (never throws) with what the
// client saw, so a workload can classify each command as acknowledged, refused or in doubt.
import { randomUUID } from 'node:crypto';

/** What one request ended with. `status` is null when no HTTP answer arrived at all. */
export interface Outcome {
  status: number | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The transport failure (connection refused or reset, timeout) when status is null. */
  error: string | null;
  ms: number;
  /** The broken connection of a first attempt, when this is the outcome of its retry. */
  retriedAfter?: string | null;
}

const TIMEOUT_MS = 20_000;

function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message ?? e.name} (${cause})` : String(e.message ?? err);
}

/**
 * A connection that broke after the request went out (reset, closed by the server), unlike a
 * refused one: the server may have received it, so only a keyed request may be sent again.
 */
const BROKEN = /ECONNRESET|UND_ERR_SOCKET|other side closed|EPIPE/;

/**
 * Sends one request. Commands carry an Idempotency-Key and, like an HTTP client that knows the
 * key makes a second delivery harmless (Go's transport does this for keyed requests), are sent
 * once more when the connection broke under them: a server closing an idle keep-alive
 * connection while the request was on its way is a race no server can avoid.
 */
export async function http(
  base: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['idempotency-key'] = randomUUID();
  const first = await attempt(base, method, path, options, headers);
  if (method === 'GET' || first.status !== null || !BROKEN.test(String(first.error))) return first;
  const retry = await attempt(base, method, path, options, headers);
  return { ...retry, ms: first.ms + retry.ms, retriedAfter: first.error };
}

async function attempt(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string },
  keyHeaders: Record<string, string>,
): Promise<Outcome> {
  const started = performance.now();
  const headers: Record<string, string> = { ...keyHeaders };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Not JSON: kept as text so the check can say what came back.
    }
    return { status: res.status, body, error: null, ms: performance.now() - started };
  } catch (err) {
    return { status: null, body: null, error: describeError(err), ms: performance.now() - started };
  }
}

/** Latency percentiles (nearest rank) of a list of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
