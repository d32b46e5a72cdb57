/**
 * Typed domain errors. The simulation throws them before it changes anything; the transport
 * maps each kind to an HTTP status and a `{detail, code}` body.
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

/**
 * Every machine-readable error code, once. The `detail` text is for people and may be reworded;
 * the code is what clients branch on, so a code is never renamed or reused for another meaning.
 * One code names one situation wherever it arises, whatever the status.
 */
export const ERROR_CODES = [
  // 400: the request itself is wrong.
  'missing_field', // A required input field is absent or empty ("ship_type is required").
  'invalid_field', // An input field has the wrong type, format or range.
  'unknown_type', // An unknown unit, technology, resource or mission name; `valid` lists the names.
  'out_of_bounds', // Coordinates outside the universe.
  'invalid_username', // Registration: the username is too short, too long or has bad characters.
  'invalid_email', // Registration: the email is not an address.
  'invalid_password', // Registration: the password is too short or too long.
  'username_taken', // Registration: another account has this username.
  'email_taken', // Registration: another account has this email.
  'start_already_chosen', // Choose-start after the player already has a planet.
  'invalid_planet_name', // A planet name outside the rule: 2 to 20 letters, digits, spaces, - _ .
  'self_trade', // Accepting one's own market offer.
  'no_fleet_in_flight', // Recall of a fleet that is not outbound any more.
  'cargo_exceeds_capacity', // Dispatch: the cargo is more than the fleet can carry.
  'target_is_origin', // Dispatch: the target is the planet the fleet starts from.
  'no_planet_at_target', // Dispatch: the mission needs a planet and there is none.
  'own_planet', // Dispatch: attack or espionage aimed at one's own planet.
  'not_own_planet', // Dispatch: a deploy target that belongs to someone else.
  'needs_colony_ship', // Dispatch: a colonize mission without a colony ship.
  'espionage_ships_only', // Dispatch: an espionage fleet with ships that cannot spy.
  'cannot_fly', // Dispatch: a selected ship type has no drive.
  'speed_too_low', // Dispatch: the speed makes the flight longer than the game's longest wait.
  'no_ships_selected', // Dispatch or battle simulation without any ship.
  'simulation_too_large', // Battle simulation: too many units, or units times runs.
  // 401: who is asking is not established.
  'not_authenticated', // No bearer token.
  'invalid_token', // The token is malformed, expired, forged or revoked.
  'inactive_user', // The token's user is gone or deactivated.
  'invalid_credentials', // A wrong username or password (login: 401; password change, deletion: 400).
  'refresh_reused', // A refresh token already exchanged, presented again: its session is revoked.
  'invalid_admin_token', // An operator endpoint called without the admin token.
  // 403: established, but not allowed.
  'user_mismatch', // The path's user_id is not the token's user.
  'not_seller', // Cancelling a market offer of another player.
  'origin_not_allowed', // A WebSocket handshake from an origin outside CORS_ALLOW_ORIGINS.
  // 404: the thing named does not exist (for this player).
  'player_not_found', // No such player.
  'no_planet', // The player has no planet yet (before choosing a start).
  'planet_not_found', // No such planet, or not the player's.
  'fleet_not_found', // No such fleet, or not the player's.
  'report_not_found', // No such battle or espionage report for the player.
  'notification_not_found', // No such notification in the player's inbox.
  'offer_not_found', // No market offer with this id was ever made.
  'queue_item_not_found', // No build queue item at the given index.
  'route_not_found', // No such endpoint (also the operator API when it is disabled).
  // 409: the request is valid, but the game state does not allow it now.
  'insufficient_resources', // Not enough resources (or fuel) on the planet; `shortfall` says how much.
  'requirements_not_met', // Missing buildings or research; `missing_requirements` lists them.
  'insufficient_energy', // The price needs more energy than the planet produces.
  'queue_full', // The build or shipyard queue has no room.
  'already_queued', // The unit is in the build queue; that item must be cancelled first.
  'not_built', // Demolishing a building of level 0.
  'demolish_blocked', // Demolishing a building that another one requires.
  'duration_too_long', // The queue item would end further away than the game's longest wait.
  'research_busy', // Research is already running at the limit of concurrent research.
  'unit_limit', // At most so many of this unit per planet.
  'fleet_size_cap', // The ships stationed and ordered would pass the fleet size cap.
  'no_fleet_slot', // Every fleet slot is in use.
  'battle_in_progress', // A battle is being fought at the origin planet right now.
  'not_enough_ships', // Dispatch of more ships than the planet has.
  'no_debris_field', // Recycling where there is no debris field.
  'position_occupied', // A planet already exists at the chosen or targeted position.
  'system_full', // Choose-start in a system without a free position.
  'offer_not_open', // The market offer exists but was accepted, cancelled or expired.
  // 413, 415, 422, 408, 431 and other client errors of the transport.
  'validation_failed', // The request does not match its schema (422, FastAPI's shape).
  'idempotency_key_reused', // An Idempotency-Key already used for another request (422).
  'payload_too_large', // The body is larger than the server accepts.
  'unsupported_media_type', // The body's content type is not one the server reads.
  'malformed_request', // Unparsable HTTP, JSON or URL.
  'request_timeout', // The request was not received in time.
  'headers_too_large', // The header fields or the URL are too large.
  // 429
  'rate_limited', // Too many requests; `retry_after` says how long to wait.
  // 5xx
  'internal_error', // A bug; the detail is logged, not shown.
  'unavailable', // The game database is down or recovering; retry shortly.
  'shutting_down', // The server is stopping; retry against another instance or later.
  'overloaded', // Too much work is queued (commands for the writer, battle simulations); retry after Retry-After.
  'universe_full', // Registration found no free position for a homeworld.
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: ErrorCode,
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

export const badRequest = (code: ErrorCode, detail: string, extra?: Record<string, unknown>) =>
  new DomainError('bad_request', code, detail, extra);
export const notFound = (code: ErrorCode, detail: string) =>
  new DomainError('not_found', code, detail);
export const conflict = (code: ErrorCode, detail: string, extra?: Record<string, unknown>) =>
  new DomainError('conflict', code, detail, extra);
export const forbidden = (code: ErrorCode, detail: string) =>
  new DomainError('forbidden', code, detail);
export const unauthorized = (code: ErrorCode, detail: string) =>
  new DomainError('unauthorized', code, detail);
export const unavailable = (code: ErrorCode, detail: string, extra?: Record<string, unknown>) =>
  new DomainError('unavailable', code, detail, extra);
