import { RESOURCE_KINDS, type ResourceKind } from '../../rules/types.js';
import { badRequest } from '../errors.js';

/** Largest amount one offer may name; far beyond any economy, well inside exact integers. */
export const MAX_TRADE_AMOUNT = 1_000_000_000_000;

export interface OfferTerms {
  offeredResource: ResourceKind;
  offeredAmount: number;
  requestedResource: ResourceKind;
  requestedAmount: number;
}

/** The body of POST /trade/offers, as sent (any JSON values). */
export interface OfferBody {
  offered_resource?: unknown;
  offered_amount?: unknown;
  requested_resource?: unknown;
  requested_amount?: unknown;
}

const missing = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** An integer given as a JSON number or as a string of digits (the reference server accepted both). */
function toInteger(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

function resource(field: string, v: unknown): ResourceKind {
  const name = String(v).trim().toLowerCase();
  const kind = RESOURCE_KINDS.find((k) => k === name);
  if (!kind) {
    throw badRequest(
      'unknown_type',
      `Invalid ${field}: "${String(v)}". Valid values: ${RESOURCE_KINDS.join(', ')}`,
      {
        valid: RESOURCE_KINDS,
      },
    );
  }
  return kind;
}

function amount(field: string, n: number): number {
  if (n <= 0) throw badRequest('invalid_field', `${field} must be > 0`);
  if (n > MAX_TRADE_AMOUNT)
    throw badRequest('invalid_field', `${field} must be <= ${MAX_TRADE_AMOUNT}`);
  return n;
}

/**
 * Checks an offer's terms, one specific 400 per problem (the reference server's texts where it
 * had them), in the order a client would fix them.
 */
export function parseOfferTerms(body: OfferBody): OfferTerms {
  if (missing(body.offered_resource) || missing(body.requested_resource)) {
    throw badRequest('missing_field', 'offered_resource and requested_resource are required');
  }
  const offered = toInteger(body.offered_amount);
  const requested = toInteger(body.requested_amount);
  if (offered === null || requested === null)
    throw badRequest('invalid_field', 'offered_amount and requested_amount must be integers');
  const terms: OfferTerms = {
    offeredResource: resource('offered_resource', body.offered_resource),
    offeredAmount: amount('offered_amount', offered),
    requestedResource: resource('requested_resource', body.requested_resource),
    requestedAmount: amount('requested_amount', requested),
  };
  if (terms.offeredResource === terms.requestedResource) {
    throw badRequest('invalid_field', 'offered_resource and requested_resource must differ');
  }
  return terms;
}
