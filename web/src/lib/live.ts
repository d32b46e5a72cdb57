import { GameSocket, type ServerMessage, type ServerMessageType } from '@ogame-like/sdk';
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { game, session } from './api';
import type { CoordinatesLike } from './format';

// The page's one WebSocket. Every change reaches the screens from here (no polling): a screen
// subscribes to the message types that concern it and reloads or patches what it shows. After
// a drop the SDK reconnects with ?after=<seq> and the server replays what was missed.

export type LinkState = 'connecting' | 'open' | 'closed';
export const linkState = signal<LinkState>('closed');
/** Unread notifications, as the server last counted them. */
export const unreadCount = signal(0);
export interface IncomingAttack {
  fleetId: number;
  eta: string;
  target: CoordinatesLike;
}
/** Hostile fleets announced and not yet arrived: the alarm in the header. */
export const incomingAttacks = signal<IncomingAttack[]>([]);

/** Sounds the alarm for these hostile fleets (each fleet once, its latest news kept). */
export function soundAlarm(attacks: readonly IncomingAttack[]): void {
  const ids = new Set(attacks.map((a) => a.fleetId));
  incomingAttacks.value = [...incomingAttacks.value.filter((a) => !ids.has(a.fleetId)), ...attacks];
}

type Listener = (message: ServerMessage) => void;
const listeners = new Map<ServerMessageType | '*', Set<Listener>>();

export function onMessage(types: readonly (ServerMessageType | '*')[], listener: Listener) {
  for (const type of types) {
    let set = listeners.get(type);
    if (!set) listeners.set(type, (set = new Set()));
    set.add(listener);
  }
  return () => {
    for (const type of types) listeners.get(type)?.delete(listener);
  };
}

/** Calls `listener` for each message of these types while the component is mounted. */
export function useMessages(types: readonly (ServerMessageType | '*')[], listener: Listener) {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onMessage(types, (m) => latest.current(m)), [types.join(',')]);
}

function dispatch(message: ServerMessage): void {
  for (const key of [message.type, '*'] as const) {
    for (const listener of listeners.get(key) ?? []) listener(message);
  }
}

const SEQ_KEY = 'ogame.seq';
let socket: GameSocket | null = null;
let refreshedForClose = false;

function remember(message: ServerMessage): void {
  if ('unread_notifications' in message && typeof message.unread_notifications === 'number') {
    unreadCount.value = message.unread_notifications;
  }
  if (message.type === 'incoming_attack') {
    soundAlarm([{ fleetId: message.fleet_id, eta: message.eta, target: message.target }]);
  }
  if (message.type === 'battle_started' || message.type === 'battle_report') {
    const now = Date.now();
    incomingAttacks.value = incomingAttacks.value.filter((a) => Date.parse(a.eta) > now);
  }
}

/** Opens the socket for the logged-in player (idempotent); closes it on logout. */
export function connectLive(): void {
  if (socket) return;
  const stored = Number(sessionStorage.getItem(SEQ_KEY) ?? '-1');
  socket = new GameSocket({
    baseUrl: location.origin,
    token: () => game.session?.accessToken ?? null,
    after: Number.isFinite(stored) && stored >= 0 ? stored : undefined,
    onMessage: (message) => {
      refreshedForClose = false;
      remember(message);
      dispatch(message);
      if (socket) sessionStorage.setItem(SEQ_KEY, String(socket.lastSeq));
    },
    onState: (state, detail) => {
      linkState.value = state;
      // 1008: the token was refused (expired while the page slept): refresh once, reconnect.
      if (state === 'closed' && detail?.code === 1008 && session.value && !refreshedForClose) {
        refreshedForClose = true;
        game.refresh().then(
          () => socket?.connect(),
          () => undefined,
        );
      }
    },
  });
  socket.connect();
}

export function disconnectLive(): void {
  socket?.close();
  socket = null;
  sessionStorage.removeItem(SEQ_KEY);
  linkState.value = 'closed';
  incomingAttacks.value = [];
}
