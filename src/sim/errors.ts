/**
 * Typed domain errors. The simulation throws them before it changes anything; the transport
 * maps each kind to an HTTP status and a `{detail}` body.
 */
export type DomainErrorKind =
  | 'bad_request' // 400: malformed or invalid input
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: valid input that the game state does not allow now
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503: the store cannot commit; nothing was applied

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: string,
    readonly extra?: Record<string, unknown>,
  ) {
    // An expected rejection (a 409 for missing resources is routine): no stack trace to
    // capture, which is most of the cost of constructing an Error.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail);
    Error.stackTraceLimit = limit;
    this.name = 'DomainError';
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  new DomainError('bad_request', detail, extra);
export const notFound = (detail: string) => new DomainError('not_found', detail);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new DomainError('conflict', detail, extra);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
export const unauthorized = (detail: string) => new DomainError('unauthorized', detail);
export const unavailable = (detail: string) => new DomainError('unavailable', detail);
