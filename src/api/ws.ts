import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Publisher } from '../runtime/game.js';
import { eventLogPrunedSeq } from '../sim/commands/event-log.js';
import { notificationView } from '../sim/views/notifications.js';
import type { LazyEvent, OutboundEvent, UserId } from '../sim/types.js';
import { missedAfter, type LoggedEvent, type Missed } from '../store/histories.js';
import type { Row } from '../store/tables.js';
import { authenticateToken } from './auth/guard.js';
import { wsMessageChecker } from './contract/message-check.js';
import { REPLAY_EVENT_CAP, type ServerMessage } from './contract/messages.js';
import { originAllowed } from './cors.js';
import type { AppServices } from './services.js';

/** Largest frame a client may send; its only messages are "ping" and the auth frame. */
export const WS_MAX_PAYLOAD_BYTES = 4096;
/**
 * Sockets one user may hold at once (tabs, devices, reconnects not yet noticed by the
 * heartbeat). Without a cap one token could open sockets until memory ran out (issue 6).
 */
export const WS_MAX_SOCKETS_PER_USER = 16;
/** How long a socket opened without a token may take to send its auth frame. */
export const WS_AUTH_TIMEOUT_MS = 5000;
/** The subprotocol that carries the token: `Sec-WebSocket-Protocol: bearer, <JWT>`. */
export const WS_BEARER_PROTOCOL = 'bearer';
/** A client whose unsent backlog exceeds this is too slow: it is disconnected, not buffered. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** Messages a client may send per second before it is disconnected for flooding. */
const MAX_CLIENT_MESSAGES_PER_SECOND = 20;
const HEARTBEAT_MS = 30_000;
/** Messages sent per event-loop turn before yielding to requests and timers. */
const SEND_SLICE = 256;
const CLOSE_GRACE_MS = 1000;

const CLOSE_POLICY = 1008;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_TRY_AGAIN = 1013;

const AFTER_PATTERN = /^\d{1,16}$/;

/** A message of the contract without the envelope the hub adds (`seq`, `server_time`). */
type Unsealed<M> = M extends unknown ? Omit<M, 'seq' | 'server_time'> : never;
type ControlMessage = Unsealed<ServerMessage>;

/**
 * An event published while its socket's replay was being read (sent once the replay is out), or
 * a replayed one.
 */
interface HeldEvent {
  seq: number;
  /** The serialized message without its closing brace (the envelope is appended). */
  head: string;
}

interface Connection {
  socket: WebSocket;
  userId: UserId;
  alive: boolean;
  windowStart: number;
  messages: number;
  /**
   * The `seq` of the last event sent on this socket (its resume position): events at or below
   * it are not sent again, and messages that record nothing carry it.
   */
  seq: number;
  /** Events held back while a replay (`?after=`) is read; null once the socket is live. */
  held: HeldEvent[] | null;
  /** The credentials it opened with, whose revocation or expiry ends it (see `beat`). */
  jti: string;
  sessionId: string | null;
  expiresAt: number;
}

/** The browser form of a token: `new WebSocket(url, ['bearer', token])`. */
export function selectSubprotocol(protocols: Set<string>): string | false {
  return protocols.has(WS_BEARER_PROTOCOL) ? WS_BEARER_PROTOCOL : false;
}

/** The token of the `bearer, <JWT>` subprotocol header, if the client sent one. */
function subprotocolToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const protocols = header.split(',').map((p) => p.trim());
  const at = protocols.indexOf(WS_BEARER_PROTOCOL);
  return at >= 0 ? (protocols[at + 1] ?? '') : undefined;
}

/** The token of a `{"type":"auth","token":"..."}` frame, or null for anything else. */
function authFrameToken(data: unknown, isBinary: boolean): string | null {
  if (isBinary) return null;
  try {
    const frame = JSON.parse(String(data)) as { type?: unknown; token?: unknown } | null;
    return frame?.type === 'auth' && typeof frame.token === 'string' ? frame.token : null;
  } catch {
    return null;
  }
}

/** `after` of `/ws?after=<seq>`: undefined when absent, null when not a non-negative integer. */
function parseAfter(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !AFTER_PATTERN.test(value)) return null;
  const after = Number(value);
  return Number.isSafeInteger(after) ? after : null;
}

const isOpen = (c: Connection) => c.socket.readyState === c.socket.OPEN;

/**
 * The WebSocket gateway: several sockets per user, JSON messages with a `type`, a `seq` and
 * the server time, a heartbeat that drops dead peers, a replay of missed events (stored
 * notifications and the event log) on reconnection (`?after=<seq>`), and a publish() the
 * runtime calls after each commit. The
 * contract of every message is in contract/messages.ts.
 */
export class WsHub implements Publisher {
  private readonly byUser = new Map<UserId, Set<Connection>>();
  private heartbeat: NodeJS.Timeout | null = null;
  /** Checks every message sent against the contract (tests). */
  private readonly check: ((text: string) => void) | null;
  /** How long a socket without a token may wait for its auth frame (tests shorten it). */
  authTimeoutMs = WS_AUTH_TIMEOUT_MS;
  sent = 0;
  dropped = 0;

  constructor(
    private readonly services: AppServices,
    options: { contractViolations?: string[] } = {},
  ) {
    this.check = options.contractViolations ? wsMessageChecker(options.contractViolations) : null;
  }

  get connectionCount(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  onlineUsers(): Iterable<UserId> {
    return this.byUser.keys();
  }

  isOnline(userId: UserId): boolean {
    return this.byUser.has(userId);
  }

  /**
   * Queues messages for their users' sockets. Sending is time-sliced: at most SEND_SLICE
   * messages per event-loop turn, so fanning a tick out to 10 000 players never stalls the loop
   * (requests and the next tick interleave with the fan-out).
   */
  publish(events: ReadonlyArray<OutboundEvent | LazyEvent>): void {
    for (const event of events) this.outbox.push(event);
    if (!this.draining && this.outbox.length > 0) {
      this.draining = true;
      setImmediate(this.drain);
    }
  }

  private readonly outbox: Array<OutboundEvent | LazyEvent> = [];
  private outboxHead = 0;
  private draining = false;

  private readonly drain = (): void => {
    const end = Math.min(this.outbox.length, this.outboxHead + SEND_SLICE);
    const time = this.serverTime();
    for (; this.outboxHead < end; this.outboxHead++) {
      const event = this.outbox[this.outboxHead] as OutboundEvent | LazyEvent;
      const connections = this.byUser.get(event.userId);
      if (!connections) continue;
      const message = 'render' in event ? event.render() : event.message;
      if (message === null) continue;
      // Serialized once (a logged event already was); each socket's envelope is appended.
      const json = 'render' in event ? undefined : event.json;
      const head = (json ?? JSON.stringify(message)).slice(0, -1);
      const seq = 'render' in event ? undefined : event.seq;
      if (seq === undefined) {
        // A view (resource_update) records nothing: it carries each socket's position.
        for (const c of connections) if (c.held === null) this.send(c, sealed(head, c.seq, time));
        continue;
      }
      let text: string | null = null;
      for (const c of connections) {
        if (c.held !== null) c.held.push({ seq, head });
        else if (seq > c.seq) {
          c.seq = seq;
          text ??= sealed(head, seq, time);
          this.send(c, text);
        }
      }
    }
    if (this.outboxHead < this.outbox.length) {
      setImmediate(this.drain);
      return;
    }
    this.outbox.length = 0;
    this.outboxHead = 0;
    this.draining = false;
  };

  /** Messages accepted but not yet handed to a socket. */
  get pendingMessages(): number {
    return this.outbox.length - this.outboxHead;
  }

  private send(c: Connection, text: string): void {
    if (!isOpen(c)) return;
    if (c.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.dropped++;
      c.socket.close(CLOSE_TRY_AGAIN, 'Client too slow');
      return;
    }
    this.check?.(text);
    this.sent++;
    c.socket.send(text);
  }

  /** Sends a message that records nothing: it carries the socket's position as its seq. */
  private sendControl(c: Connection, message: ControlMessage): void {
    this.send(c, JSON.stringify({ ...message, seq: c.seq, server_time: this.serverTime() }));
  }

  private add(userId: UserId, c: Connection): void {
    let set = this.byUser.get(userId);
    if (!set) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(c);
  }

  private remove(userId: UserId, c: Connection): void {
    const set = this.byUser.get(userId);
    if (!set) return;
    set.delete(c);
    if (set.size === 0) this.byUser.delete(userId);
  }

  register(app: FastifyInstance): void {
    const { cors } = this.services.config;
    // Browsers send no CORS preflight for WebSockets: a page of another origin could open one
    // with the player's token. Refused before the upgrade, like a failed preflight.
    const checkOrigin = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (originAllowed(cors, request.headers.origin)) done();
      else void reply.code(403).send({ detail: 'Origin not allowed', code: 'origin_not_allowed' });
    };
    app.get(
      '/ws',
      { websocket: true, schema: { hide: true }, onRequest: checkOrigin },
      (socket, request) => this.open(socket, request),
    );
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A new socket: its token comes from the query, the subprotocol or its first frame. */
  private open(socket: WebSocket, request: FastifyRequest): void {
    const query = request.query as { token?: unknown; after?: unknown };
    const after = parseAfter(query.after);
    if (after === null) {
      socket.close(CLOSE_POLICY, 'after must be a non-negative integer');
      return;
    }
    const token =
      query.token !== undefined
        ? query.token
        : subprotocolToken(request.headers['sec-websocket-protocol']);
    if (token !== undefined) {
      this.authenticate(socket, token, after);
      return;
    }
    const timer = setTimeout(
      () => socket.close(CLOSE_POLICY, 'Invalid or missing token'),
      this.authTimeoutMs,
    );
    socket.once('close', () => clearTimeout(timer));
    socket.once('message', (data, isBinary) => {
      clearTimeout(timer);
      this.authenticate(socket, authFrameToken(data, isBinary), after);
    });
  }

  private authenticate(socket: WebSocket, token: unknown, after: number | undefined): void {
    let userId: UserId;
    let claims: { jti: string; sessionId: string | null; expiresAt: number };
    try {
      if (typeof token !== 'string' || token === '') throw new Error('missing token');
      const auth = authenticateToken(this.services, token);
      userId = auth.user.id;
      claims = auth.claims;
    } catch {
      socket.close(CLOSE_POLICY, 'Invalid or missing token');
      return;
    }
    if ((this.byUser.get(userId)?.size ?? 0) >= WS_MAX_SOCKETS_PER_USER) {
      socket.close(CLOSE_POLICY, 'Too many connections for this user');
      return;
    }
    // Registered at once, so events committed from now on reach it (held during a replay).
    const c: Connection = {
      socket,
      userId,
      alive: true,
      windowStart: Date.now(),
      messages: 0,
      // Without `after`, everything committed so far is in the state the client reads next.
      seq: after ?? this.services.runtime.committedEventSeq,
      held: after === undefined ? null : [],
      jti: claims.jti,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
    };
    this.add(userId, c);
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('close', () => this.remove(userId, c));
    socket.on('error', () => this.remove(userId, c));
    socket.on('message', (data, isBinary) => this.onMessage(c, data, isBinary));
    if (after === undefined) this.sendControl(c, { type: 'welcome', user_id: userId });
    else void this.replay(c, after);
  }

  /**
   * `?after=<seq>`: what the client missed (its stored notifications and its logged events),
   * then live events. Everything committed before the connection is flushed first, and events
   * published meanwhile are held; both are merged in seq order, so nothing is lost or sent twice.
   */
  private async replay(c: Connection, after: number): Promise<void> {
    const { runtime, store, config } = this.services;
    let missed: Missed;
    try {
      await runtime.flush();
      missed = await store.readPrimary((db) =>
        missedAfter(db, c.userId, after, {
          notifications: config.gameplay.notificationRetention,
          events: REPLAY_EVENT_CAP,
        }),
      );
    } catch {
      c.socket.close(CLOSE_TRY_AGAIN, 'Replay failed; reconnect');
      return;
    }
    if (!isOpen(c)) return;
    const { notifications, events } = missed;
    // A position this server never handed out (another database): start from the latest.
    const latest = runtime.committedEventSeq;
    const unknown = after > latest;
    const rows = unknown ? [] : replayedMessages(notifications.rows, events.rows);
    if (unknown) c.seq = latest;
    const truncated =
      unknown ||
      notifications.truncated ||
      events.truncated ||
      after < eventLogPrunedSeq(runtime.world.meta);
    this.sendControl(c, {
      type: 'welcome',
      user_id: c.userId,
      replay: { after, count: rows.length, truncated },
    });
    const live = this.heldAndPending(c);
    const time = this.serverTime();
    let j = 0;
    const sendLive = (below: number) => {
      for (; j < live.length && (live[j] as HeldEvent).seq < below; j++) {
        const event = live[j] as HeldEvent;
        if (event.seq <= c.seq) continue;
        c.seq = event.seq;
        this.send(c, sealed(event.head, event.seq, time));
      }
    };
    for (const { seq, head } of rows) {
      sendLive(seq);
      // Its live copy (committed while the replay was read) is the same event.
      if (j < live.length && (live[j] as HeldEvent).seq === seq) j++;
      if (seq <= c.seq) continue;
      c.seq = seq;
      this.send(c, sealed(head, seq, time));
    }
    this.sendControl(c, {
      type: 'replay_complete',
      count: rows.length,
      unread_notifications: runtime.world.inboxes.unreadCount(c.userId),
    });
    sendLive(Infinity);
  }

  /**
   * Ends a socket's hold: the events held for it plus its user's events still in the outbox
   * (published, not yet drained), in order. The drain skips the latter later: their seq is at
   * or below the socket's position by then.
   */
  private heldAndPending(c: Connection): HeldEvent[] {
    const live = c.held ?? [];
    c.held = null;
    for (let k = this.outboxHead; k < this.outbox.length; k++) {
      const event = this.outbox[k] as OutboundEvent | LazyEvent;
      if (event.userId !== c.userId || 'render' in event || event.seq === undefined) continue;
      live.push({
        seq: event.seq,
        head: (event.json ?? JSON.stringify(event.message)).slice(0, -1),
      });
    }
    return live;
  }

  private serverTime(): string {
    return new Date(this.services.clock.now()).toISOString();
  }

  private onMessage(c: Connection, data: unknown, isBinary: boolean): void {
    const now = Date.now();
    if (now - c.windowStart >= 1000) {
      c.windowStart = now;
      c.messages = 0;
    }
    if (++c.messages > MAX_CLIENT_MESSAGES_PER_SECOND) {
      c.socket.close(CLOSE_POLICY, 'Too many messages');
      return;
    }
    if (isBinary) {
      this.sendControl(c, { type: 'error', message: 'invalid message' });
      return;
    }
    const text = String(data);
    if (text.trim().toLowerCase() === 'ping') this.sendControl(c, { type: 'pong' });
    else if (text.trimStart().startsWith('{') && authFrameToken(data, false) !== null)
      this.sendControl(c, { type: 'error', message: 'already authenticated' });
    else this.sendControl(c, { type: 'info', message: text });
  }

  /**
   * Terminates sockets that did not answer the previous ping, and closes (1008) those whose
   * credentials ended since they opened: revoked (a logout, a password change, a replayed
   * refresh token or a deleted account; those also close at once, see endRevoked) or expired.
   * A client reconnects with a fresh token (the web client refreshes once on a 1008).
   */
  private beat(): void {
    const now = this.services.clock.now();
    for (const set of this.byUser.values()) {
      for (const c of set) {
        if (!c.alive) {
          c.socket.terminate();
          continue;
        }
        if (this.revoked(c)) {
          c.socket.close(CLOSE_POLICY, 'Session ended');
          continue;
        }
        if (c.expiresAt <= now) {
          c.socket.close(CLOSE_POLICY, 'Token expired');
          continue;
        }
        c.alive = false;
        c.socket.ping();
      }
    }
  }

  /**
   * Closes (1008) the player's sockets whose credentials ended, at once: called after the
   * commit of a logout, a password change, a replayed refresh token or an account deletion,
   * so a socket does not outlive its session by up to a heartbeat.
   */
  endRevoked(userId: UserId): void {
    for (const c of this.byUser.get(userId) ?? [])
      if (this.revoked(c)) c.socket.close(CLOSE_POLICY, 'Session ended');
  }

  private revoked(c: Connection): boolean {
    const world = this.services.runtime.world;
    const user = world.users.get(c.userId);
    if (!user || !user.isActive || world.revokedTokens.has(c.jti)) return true;
    if (c.sessionId === null) return false;
    return world.sessions.get(c.sessionId)?.revokedAt !== null;
  }

  /** Closes every socket with 1001 (going away), as on shutdown. */
  closeAll(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    const sockets: WebSocket[] = [];
    for (const set of this.byUser.values()) {
      for (const c of set) {
        c.socket.close(CLOSE_GOING_AWAY, 'Server shutting down');
        sockets.push(c.socket);
      }
    }
    this.byUser.clear();
    // A peer that never answers the close handshake would hold the process for ws's 30 s
    // close timeout; after a short grace it is cut off.
    const grace = setTimeout(() => {
      for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
    }, CLOSE_GRACE_MS);
    grace.unref();
  }
}

/**
 * The replay of a reconnect: the stored notifications and the logged events (each ascending),
 * merged in seq order, as the live messages plus `replayed: true` (without closing braces).
 */
function replayedMessages(notifications: Row[], events: LoggedEvent[]): HeldEvent[] {
  const out: HeldEvent[] = [];
  let e = 0;
  const eventsBelow = (seq: number) => {
    for (; e < events.length && (events[e] as LoggedEvent).seq < seq; e++) {
      const { seq: s, message } = events[e] as LoggedEvent;
      out.push({ seq: s, head: `${message.slice(0, -1)},"replayed":true` });
    }
  };
  for (const row of notifications) {
    const seq = Number(row.id);
    eventsBelow(seq);
    const message = { type: 'notification', notification: notificationView(row), replayed: true };
    out.push({ seq, head: JSON.stringify(message).slice(0, -1) });
  }
  eventsBelow(Infinity);
  return out;
}

/** A serialized message (without its closing brace) with its envelope: `seq`, `server_time`. */
function sealed(head: string, seq: number, time: string): string {
  return `${head},"seq":${seq},"server_time":"${time}"}`;
}
