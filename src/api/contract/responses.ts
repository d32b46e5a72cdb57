import type { TSchema } from 'typebox';

/** The error statuses a route may document; each has one meaning across the API. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const ERROR_MEANING: Record<ErrorStatus, string> = {
  400: 'The request is invalid (see `code`).',
  401: 'Missing, invalid, expired or revoked credentials.',
  403: "The credentials do not allow this (another player's id, another seller's offer).",
  404: 'No such thing (or not visible to this player).',
  409: 'Valid, but the game state does not allow it now (see `code`).',
  413: 'The request body is too large.',
  415: 'The body is neither JSON nor a form.',
  422: "The request does not match its schema (FastAPI's shape: `detail` lists the fields).",
  429: "Too many requests; retry after the `retry-after` header's seconds.",
  503: 'The store cannot commit or the server is stopping; nothing was applied. Retry shortly.',
};

const errorResponse = (status: ErrorStatus) => {
  const response: Record<string, unknown> = {
    $ref: status === 422 ? 'ValidationError' : 'Error',
    description: ERROR_MEANING[status],
  };
  if (status === 429 || status === 503) {
    response.headers = {
      'retry-after': { type: 'integer', description: 'Seconds to wait before retrying.' },
    };
  }
  return response;
};

/** Who may call a route, which decides the authentication errors it can answer. */
export type Access = 'public' | 'token' | 'player' | 'admin';

const ACCESS_ERRORS: Record<Access, ErrorStatus[]> = {
  public: [],
  // 401 without a valid token, 429 over the per-user rate limit.
  token: [401, 429],
  // The same, and 403 for another player's id in the path.
  player: [401, 403, 429],
  admin: [401, 404, 429],
};

export interface ReplyOptions {
  access: Access;
  /** Route-specific error statuses (400, 404, 409, ...). */
  errors?: ErrorStatus[];
  /** The route takes a body: malformed JSON (400), too large (413), another media type (415). */
  body?: boolean;
  /** The route has a path, query or body schema, so it can answer 422 (default true). */
  input?: boolean;
  /** The route reads or changes the game, so it can answer 503 (default true). */
  game?: boolean;
  /** A description of the successful answer. */
  description?: string;
}

/**
 * The `response` map of a route: its success schema plus exactly the error statuses it can
 * answer, each described once. Every route with input can answer 422, and every route that
 * reads or writes the game can answer 503 (the store is recovering or the server is stopping).
 */
export function replies<T extends TSchema>(ok: T, options: ReplyOptions): { 200: T } {
  const statuses = new Set<ErrorStatus>([
    ...ACCESS_ERRORS[options.access],
    ...(options.errors ?? []),
  ]);
  if (options.body) for (const status of [400, 413, 415] as const) statuses.add(status);
  if (options.input !== false) statuses.add(422);
  if (options.game !== false) statuses.add(503);
  const out: Record<number, unknown> = {
    200: options.description ? { ...ok, description: options.description } : ok,
  };
  for (const status of [...statuses].sort((a, b) => a - b)) out[status] = errorResponse(status);
  // Typed by the success body only: handlers return it and throw their errors.
  return out as { 200: T };
}
