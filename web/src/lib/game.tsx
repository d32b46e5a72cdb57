import type { Schemas, ServerMessageType } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, userId } from './api';
import { syncClock } from './clock';
import { soundAlarm, unreadCount, useMessages } from './live';
import { useLoad, type Loaded } from './load';

// What every screen behind the login shares: the ruleset, the player's planets, the planet this
// tab shows and its snapshot. The planet comes from the URL (`?planet=`), never from the
// server's "active planet", so two tabs on two planets each act on their own.

export type Snapshot = Schemas['PlayerSnapshot'];
export type Rules = Schemas['Rules'];
export type PlanetSummary = Schemas['PlanetSummary'];

export interface GameState {
  userId: number;
  rules: Rules | undefined;
  planets: Loaded<PlanetSummary[]>;
  /** The planet of this tab: the URL's, else the account's active one. */
  planetId: number | undefined;
  snapshot: Loaded<Snapshot>;
  /** A display name for a unit type, from the ruleset. */
  nameOf: (type: string) => string;
  /** `path` with this tab's planet kept in the query (`/play/fleet?planet=3`). */
  link: (path: string, query?: Record<string, string | number>) => string;
}

const GameContext = createContext<GameState | null>(null);

export function useGame(): GameState {
  const state = useContext(GameContext);
  if (!state) throw new Error('useGame outside <GameProvider>');
  return state;
}

/** Messages after which the planet's snapshot (resources, levels, queues, units) changed. */
export const SNAPSHOT_EVENTS: readonly ServerMessageType[] = [
  'building_complete',
  'research_complete',
  'ship_build_complete_batch',
  'fleet_arrived',
  'fleet_returned',
  'transport_received',
  'battle_report',
  'colony_founded',
  'trade_event',
];

let rulesCache: Promise<Rules> | null = null;
const loadRules = () => (rulesCache ??= ok(api.GET('/rules')));

export function GameProvider({ children }: { children: ComponentChildren }) {
  const id = userId();
  const { query } = useLocation();
  const wanted = query.planet ? Number(query.planet) : undefined;

  const rules = useLoad(loadRules, []);
  const planets = useLoad(
    async () =>
      (await ok(api.GET('/player/{user_id}/planets', { params: { path: { user_id: id } } })))
        .planets,
    [id],
  );
  const snapshot = useLoad(async () => {
    const snap = await ok(
      api.GET('/player/{user_id}', {
        params: { path: { user_id: id }, query: wanted ? { planet_id: wanted } : {} },
      }),
    );
    syncClock(snap.server_time);
    return snap;
  }, [id, wanted]);

  // Hostile fleets already under way when the page opens sound the alarm too (incoming fleets
  // are the player's, whatever the planet asked about; later ones arrive as incoming_attack).
  useEffect(() => {
    ok(api.GET('/player/{user_id}/fleet', { params: { path: { user_id: id } } })).then(
      (fleet) =>
        soundAlarm(
          fleet.incoming
            .filter((f) => f.hostile)
            .map((f) => ({ fleetId: f.id, eta: f.arrival_time, target: f.target })),
        ),
      () => undefined, // the alarm is a courtesy; the screens show their own errors
    );
  }, [id]);

  useMessages(SNAPSHOT_EVENTS, () => snapshot.reload());
  useMessages(['colony_founded'], () => planets.reload());
  useMessages(['welcome', 'replay_complete'], (message) => {
    syncClock(message.server_time);
    // Back after a drop: whatever was missed is in the replay, but a fresh read is cheap.
    if (message.type === 'replay_complete') snapshot.reload();
  });
  useMessages(['resource_update'], (message) => {
    if (message.type !== 'resource_update' || !snapshot.data) return;
    if (message.planet_id !== snapshot.data.planet.id) return;
    // Patched in place (the resource bar redraws at the next second of the page's clock):
    // the totals are the server's, valid at its ts.
    snapshot.data.resources = message.totals;
    snapshot.data.server_time = message.ts;
  });

  const planetId = wanted ?? snapshot.data?.planet.id;
  const rulesData = rules.data;
  const names = useMemo(() => {
    const map = new Map<string, string>();
    if (rulesData) {
      for (const list of Object.values(rulesData.units)) {
        for (const unit of list) map.set(unit.type, unit.name);
      }
    }
    return map;
  }, [rulesData]);

  useEffect(() => {
    if (snapshot.data) unreadCount.value = snapshot.data.unread_notifications;
  }, [snapshot.data]);

  useEffect(() => {
    const name = snapshot.data?.planet.name;
    document.title = name ? `${name} · OGame-like` : 'OGame-like';
  }, [snapshot.data?.planet.name]);

  const state: GameState = {
    userId: id,
    rules: rulesData,
    planets,
    planetId,
    snapshot,
    nameOf: (type) => names.get(type) ?? type.replace(/_/g, ' '),
    link: (path, extra = {}) => {
      const params = new URLSearchParams();
      if (wanted) params.set('planet', String(wanted));
      for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
      const text = params.toString();
      return `/play${path}${text ? `?${text}` : ''}`;
    },
  };
  return <GameContext.Provider value={state}>{children}</GameContext.Provider>;
}
