import type { components } from './schema.js';

/** Any message the server sends on /ws, discriminated by `type`. */
export type ServerMessage = components['schemas']['ServerMessage'];
export type ServerMessageType = ServerMessage['type'];
/** The message of one `type`: `MessageOf<'building_complete'>`. */
export type MessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;

/** The part of the WebSocket API used here (the browser's, or the `ws` package's in Node). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

export type SocketState = 'connecting' | 'open' | 'closed';

export interface GameSocketOptions {
  /** The server's address (`http://...` or `ws://...`); `/ws` is appended. */
  baseUrl: string;
  /** The current access token (asked again before every reconnect, so a refreshed one is used). */
  token: () => string | null | Promise<string | null>;
  /** Every message, in order, each once (duplicates across reconnects are dropped). */
  onMessage: (message: ServerMessage) => void;
  onState?: (state: SocketState, detail?: { code: number; reason: string }) => void;
  /** The stream position to resume from (e.g. kept from an earlier page load). */
  after?: number;
  /** The browser's WebSocket by default. */
  webSocket?: WebSocketFactory;
  /** First reconnect delay; doubled after each failure up to `maxDelayMs`, with jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Sends `ping` this often so proxies keep the connection (0: never). */
  pingIntervalMs?: number;
}

/** Close codes after which reconnecting cannot help: a refused token, a policy violation. */
const FINAL_CLOSE_CODES = new Set([1008]);
const OPEN = 1;

/**
 * The game's WebSocket client. The token travels as the `bearer` subprotocol (never in the
 * URL); after a drop it reconnects with exponential backoff and `?after=<seq>`, so the server
 * first replays the events it missed (`replayed: true`); each event (a message with its own `seq`) is
 * delivered once. A 1008 close (bad token) is final: get a fresh token, then `connect()`.
 */
export class GameSocket {
  private socket: WebSocketLike | null = null;
  private seq: number;
  private attempts = 0;
  private stopped = true;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: GameSocketOptions) {
    this.seq = options.after ?? -1;
  }

  /** The position of the stream: pass it as `after` to resume later without gaps. */
  get lastSeq(): number {
    return this.seq;
  }

  connect(): void {
    this.stopped = false;
    void this.open();
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket?.close(1000, 'client closed');
    this.socket = null;
  }

  private async open(): Promise<void> {
    const token = await this.options.token();
    if (this.stopped) return;
    if (!token) {
      this.options.onState?.('closed', { code: 1008, reason: 'no token' });
      this.stopped = true;
      return;
    }
    const base = this.options.baseUrl.replace(/^http/, 'ws').replace(/\/$/, '');
    const url = `${base}/ws${this.seq >= 0 ? `?after=${this.seq}` : ''}`;
    const factory =
      this.options.webSocket ??
      ((u: string, p: string[]) => new WebSocket(u, p) as unknown as WebSocketLike);
    this.options.onState?.('connecting');
    const socket = factory(url, ['bearer', token]);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.options.onState?.('open');
      const every = this.options.pingIntervalMs ?? 25_000;
      if (every > 0) this.pingTimer = setInterval(() => this.send('ping'), every);
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onerror = () => undefined; // a close event follows
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      this.options.onState?.('closed', event);
      if (this.stopped || FINAL_CLOSE_CODES.has(event.code)) return;
      this.scheduleReconnect();
    };
  }

  private receive(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    // Events have a seq of their own and are dropped when already seen; other messages carry
    // the position (equal to the last event's) and are always delivered.
    if (message.seq < this.seq) return;
    if (message.seq === this.seq && isEvent(message)) return;
    this.seq = Math.max(this.seq, message.seq);
    this.options.onMessage(message);
  }

  private send(text: string): void {
    if (this.socket?.readyState === OPEN) this.socket.send(text);
  }

  private scheduleReconnect(): void {
    const initial = this.options.initialDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 30_000;
    const delay = Math.min(max, initial * 2 ** this.attempts++);
    // Full jitter: thousands of clients dropped by one restart do not return in one wave.
    this.retryTimer = setTimeout(() => void this.open(), delay / 2 + Math.random() * (delay / 2));
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}

/** Messages that report a change (and so have a `seq` of their own). */
const POSITION_ONLY = new Set<ServerMessageType>([
  'welcome',
  'pong',
  'info',
  'error',
  'resource_update',
  'market_update',
  'replay_complete',
]);

export const isEvent = (message: ServerMessage): boolean => !POSITION_ONLY.has(message.type);
