import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

/** Every named schema of the API (`Schemas['PlayerSnapshot']`, `Schemas['Error']`, ...). */
export type Schemas = components['schemas'];

/** What a login or a refresh hands out. */
export interface Session {
  accessToken: string;
  /** Absent for servers (or logins) without refresh tokens. */
  refreshToken: string | null;
}

export interface GameClientOptions {
  /** The server's address, e.g. `http://localhost:8000`. */
  baseUrl: string;
  /** A fetch of your own (tests, proxies); the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
  /** A session kept from before (e.g. in localStorage). */
  session?: Session | null;
  /** Told of every new session (login, refresh) and of its end (null): persist it there. */
  onSession?: (session: Session | null) => void;
  /**
   * Reads the session kept elsewhere, before every request and refresh: with several tabs,
   * another tab may have rotated the refresh token, and spending the old one again would be
   * taken for theft (the server revokes the whole family).
   */
  readSession?: () => Session | null;
  /**
   * Runs a refresh alone across every holder of the session (in browsers:
   * `(run) => navigator.locks.request('session', run)`), so two tabs never spend one refresh
   * token at once.
   */
  exclusive?: <T>(run: () => Promise<T>) => Promise<T>;
  /**
   * How often a command is sent again when no answer came back (a network failure) or the
   * server answered 503 (busy, restarting): 3 by default, 0 to never retry. Every command
   * carries an `Idempotency-Key`, so a retry whose original did run is answered with the first
   * reply and changes nothing.
   */
  retries?: number;
}

/** A rejected request: the status and the server's `{detail, code}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Schemas['Error'] | Schemas['ValidationError'] | null,
  ) {
    super(
      body === null
        ? `HTTP ${status}`
        : typeof body.detail === 'string'
          ? body.detail
          : body.detail.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; '),
    );
    this.name = 'ApiError';
  }

  /** The stable machine-readable code (`insufficient_resources`, `queue_full`, ...). */
  get code(): string | null {
    return this.body?.code ?? null;
  }
}

export interface GameClient {
  /** The typed REST client: `api.GET('/player/{user_id}', { params: { path: { user_id } } })`. */
  readonly api: Client<paths>;
  readonly session: Session | null;
  /** Logs in and keeps the session; resolves to the player's id. */
  login(username: string, password: string): Promise<number>;
  /** Revokes the session on the server and forgets it. */
  logout(): Promise<void>;
  /** Trades the refresh token for a new pair (done by itself on a 401). */
  refresh(): Promise<Session>;
}

const REFRESH_PATH = '/auth/refresh';
const KEY_HEADER = 'idempotency-key';
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The wait before the first retry; it doubles for every next one (with jitter). */
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5_000;

/** A random key (UUID v4 form); getRandomValues works where randomUUID needs HTTPS. */
export function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Every command gets a key of its own (kept by its retries: they are the same action). */
const keys: Middleware = {
  onRequest({ request }) {
    if (COMMAND_METHODS.has(request.method) && !request.headers.has(KEY_HEADER))
      request.headers.set(KEY_HEADER, newIdempotencyKey());
    return request;
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function backoffMs(attempt: number, response: Response | null): number {
  const told = Number(response?.headers.get('retry-after'));
  if (Number.isFinite(told) && told > 0) return Math.min(told * 1000, MAX_BACKOFF_MS);
  const base = Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Sends a keyed command again after a network failure or a 503, at most `retries` times. Only
 * keyed requests are retried: the key is what makes a second delivery harmless. A request the
 * caller aborted is not retried.
 */
function retrying(
  send: (request: Request) => Promise<Response>,
  retries: number,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (retries <= 0 || !request.headers.has(KEY_HEADER)) return send(request);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      const copy = last ? request : request.clone();
      let response: Response | null = null;
      try {
        response = await send(copy);
        if (response.status !== 503 || last) return response;
      } catch (err) {
        if (last || request.signal.aborted) throw err;
      }
      // The body of a 503 is not needed: read it away so the connection is free again.
      await response?.body?.cancel().catch(() => undefined);
      await sleep(backoffMs(attempt, response));
    }
  };
}

/**
 * The game's REST client: openapi-fetch over the generated types, with the bearer token added
 * to every request, an Idempotency-Key on every command (retried safely after a network failure
 * or a 503) and, on a 401, one refresh (shared by every request that needed it) and a
 * retry. A refresh token that the server refuses (expired, reused: the whole family is revoked)
 * ends the session.
 */
export function createGameClient(options: GameClientOptions): GameClient {
  const fetchImpl = retrying(
    options.fetch ?? ((request: Request) => globalThis.fetch(request)),
    options.retries ?? 3,
  );
  let session = options.session ?? null;
  let refreshing: Promise<Session> | null = null;
  const originals = new WeakMap<Request, Request>();

  const setSession = (next: Session | null) => {
    session = next;
    options.onSession?.(next);
  };

  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: fetchImpl });

  const current = () => {
    if (options.readSession) session = options.readSession();
    return session;
  };
  const exclusive = options.exclusive ?? (<T>(run: () => Promise<T>) => run());

  const refresh = (): Promise<Session> => {
    const stale = session?.accessToken;
    refreshing ??= exclusive(async () => {
      // Someone else (another tab) refreshed while this one waited: use their pair.
      const latest = current();
      if (latest && latest.accessToken !== stale) return latest;
      const token = latest?.refreshToken;
      if (!token) throw new ApiError(401, null);
      const { data, error, response } = await api.POST(REFRESH_PATH, {
        body: { refresh_token: token },
      });
      if (!data) {
        setSession(null);
        throw new ApiError(response.status, (error as Schemas['Error']) ?? null);
      }
      const next = { accessToken: data.access_token, refreshToken: data.refresh_token };
      setSession(next);
      return next;
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const auth: Middleware = {
    onRequest({ request }) {
      current();
      if (session && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${session.accessToken}`);
      }
      // Kept unread, so the request can be sent again after a refresh.
      if (session?.refreshToken && !request.url.endsWith(REFRESH_PATH)) {
        originals.set(request, request.clone());
      }
      return request;
    },
    async onResponse({ request, response }) {
      const original = originals.get(request);
      if (response.status !== 401 || !original) return response;
      const renewed = await refresh().catch(() => null);
      if (!renewed) return response;
      original.headers.set('authorization', `Bearer ${renewed.accessToken}`);
      return fetchImpl(original);
    },
  };
  api.use(keys, auth);

  return {
    api,
    get session() {
      return current();
    },
    async login(username, password) {
      const { data, error, response } = await api.POST('/auth/login', {
        body: { username, password },
      });
      if (!data) throw new ApiError(response.status, (error as Schemas['Error']) ?? null);
      setSession({ accessToken: data.access_token, refreshToken: data.refresh_token ?? null });
      return data.user_id;
    },
    async logout() {
      if (session) await api.POST('/auth/logout', {});
      setSession(null);
    },
    refresh,
  };
}

/**
 * The body of a successful call, or an `ApiError` thrown for a rejected one:
 * `const player = await ok(api.GET('/player/{user_id}', {...}))`.
 */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined) {
    throw new ApiError(response.status, (error as Schemas['Error'] | undefined) ?? null);
  }
  return data;
}
