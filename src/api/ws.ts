import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Publisher } from '../runtime/game.js';
import type { LazyEvent, OutboundEvent, UserId } from '../sim/types.js';
import { authenticateToken } from './auth/guard.js';
import type { AppServices } from './services.js';

/** Largest frame a client may send; the only client message is "ping". */
export const WS_MAX_PAYLOAD_BYTES = 4096;
/**
 * Sockets one user may hold at once (tabs, devices, reconnects not yet noticed by the
 * heartbeat). Without a cap one token could open sockets until memory ran out (issue 6).
 */
export const WS_MAX_SOCKETS_PER_USER = 16;
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

interface Connection {
  socket: WebSocket;
  alive: boolean;
  windowStart: number;
  messages: number;
}

/**
 * The WebSocket gateway: several sockets per user, JSON messages with a `type`, a heartbeat
 * that drops dead peers, and a publish() the runtime calls after each commit.
 */
export class WsHub implements Publisher {
  private readonly byUser = new Map<UserId, Set<Connection>>();
  private heartbeat: NodeJS.Timeout | null = null;
  sent = 0;
  dropped = 0;

  constructor(private readonly services: AppServices) {}

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
    for (; this.outboxHead < end; this.outboxHead++) {
      const event = this.outbox[this.outboxHead] as OutboundEvent | LazyEvent;
      const connections = this.byUser.get(event.userId);
      if (!connections) continue;
      const message = 'render' in event ? event.render() : event.message;
      if (message === null) continue;
      const text = JSON.stringify(message);
      for (const c of connections) this.send(c, text);
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
    if (c.socket.readyState !== c.socket.OPEN) return;
    if (c.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.dropped++;
      c.socket.close(CLOSE_TRY_AGAIN, 'Client too slow');
      return;
    }
    this.sent++;
    c.socket.send(text);
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
    app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
      const token = (request.query as { token?: string }).token;
      let userId: UserId;
      try {
        if (!token) throw new Error('missing token');
        userId = authenticateToken(this.services, token).user.id;
      } catch {
        socket.close(CLOSE_POLICY, 'Invalid or missing token');
        return;
      }
      if ((this.byUser.get(userId)?.size ?? 0) >= WS_MAX_SOCKETS_PER_USER) {
        socket.close(CLOSE_POLICY, 'Too many connections for this user');
        return;
      }
      const c: Connection = { socket, alive: true, windowStart: Date.now(), messages: 0 };
      this.add(userId, c);
      socket.on('pong', () => {
        c.alive = true;
      });
      socket.on('close', () => this.remove(userId, c));
      socket.on('error', () => this.remove(userId, c));
      socket.on('message', (data, isBinary) => this.onMessage(c, data, isBinary));
      this.send(
        c,
        JSON.stringify({ type: 'welcome', user_id: userId, server_time: this.serverTime() }),
      );
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
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
    try {
      if (isBinary) throw new Error('binary frame');
      const text = String(data);
      if (text.trim().toLowerCase() === 'ping') {
        this.send(c, JSON.stringify({ type: 'pong', server_time: this.serverTime() }));
      } else {
        this.send(c, JSON.stringify({ type: 'info', message: text }));
      }
    } catch {
      this.send(c, JSON.stringify({ type: 'error', message: 'invalid message' }));
    }
  }

  /** Terminates sockets that did not answer the previous ping. */
  private beat(): void {
    for (const set of this.byUser.values()) {
      for (const c of set) {
        if (!c.alive) {
          c.socket.terminate();
          continue;
        }
        c.alive = false;
        c.socket.ping();
      }
    }
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
