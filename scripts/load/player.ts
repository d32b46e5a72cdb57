// One simulated player of the load test. set-up (not measured): registers, logs in, learns its
// planet, is equipped by the operator API when an admin token is known (resources, a shipyard, a
// research lab, some light fighters, so actions succeed rather than all bouncing), and opens its
// WebSocket. Then, in the measured window, it plays like the reference server's Locust user:
// status, player reads, builds, research, shipyard, fleets (reads and transfers to other
// players) and the market, with a random pause between actions.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { HttpClient } from './http.js';
import type { LoadStats } from './stats.js';

export interface Coordinates {
  galaxy: number;
  system: number;
  position: number;
}

export interface PlayerOptions {
  baseUrl: string;
  userPrefix: string;
  waitMin: number;
  waitMax: number;
  buildingTypes: string[];
  /** Bearer token of the operator API; null: players start with the game's defaults. */
  adminToken: string | null;
  /** Home planets of every player set up so far (fleet targets). */
  homes: Coordinates[];
  /** Counts set-up requests and WebSocket closes before the window. */
  setupStats: LoadStats;
  /** Counts the measured window; set when it starts. */
  stats: LoadStats;
  /** Whether the measured window is running (messages and closes are counted then). */
  measuring: boolean;
  deadline: number;
  wsMessages: Map<string, number>;
}

/** Weighted tasks: the Locust scenario's (status 3, player 3, build 2) plus the rest of the game. */
const TASKS: Array<[string, number]> = [
  ['status', 3],
  ['player', 3],
  ['build', 2],
  ['research', 1],
  ['ships', 1],
  ['fleet', 1],
  ['dispatch', 1],
  ['trade', 1],
];
const TOTAL_WEIGHT = TASKS.reduce((a, [, w]) => a + w, 0);

function pickTask(): string {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [name, weight] of TASKS) {
    r -= weight;
    if (r < 0) return name;
  }
  return 'status';
}

const RESOURCES = ['metal', 'crystal', 'deuterium'] as const;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the operator API gives every player at set-up (a mid-game economy). */
// Enough for every action of the scenario to succeed mostly: the shipyard needs robot factory
// 2, and the fleet cap (BASE_MAX_FLEET_SIZE, 50 by default) bounds the ships a planet may hold.
const EQUIPMENT = {
  resources: { metal: 2_000_000, crystal: 1_000_000, deuterium: 500_000 },
  buildings: { shipyard: 2, research_lab: 1, robot_factory: 2 },
  ships: { light_fighter: 30 },
};

/** Cheap `type` of a server message, without parsing the whole JSON. */
function messageType(text: string): string {
  const at = text.indexOf('"type":"');
  if (at < 0) return text === 'pong' ? 'pong' : 'other';
  const start = at + 8;
  return text.slice(start, text.indexOf('"', start));
}

export class SimulatedPlayer {
  private token = '';
  private id = 0;
  private home: Coordinates | null = null;
  private ws: WebSocket | null = null;
  private offers: Array<{ id: number; seller: number }> = [];
  /** This player's own keep-alive connection (one request at a time, like a browser tab). */
  private readonly http: HttpClient;

  constructor(private readonly o: PlayerOptions) {
    this.http = new HttpClient(o.baseUrl, 1);
  }

  private async call(
    setup: boolean,
    name: string,
    method: string,
    path: string,
    body?: unknown,
    token = this.token,
  ): Promise<{ status: number; body: string }> {
    const started = performance.now();
    const res = await this.http.send(method, path, token, body);
    const stats = setup ? this.o.setupStats : this.o.stats;
    stats.record(name, res.status, performance.now() - started, res.error ?? res.body);
    return res;
  }

  /** Account, equipment and WebSocket; false if a step failed (already counted as an error). */
  async setup(): Promise<boolean> {
    const suffix = randomBytes(6).toString('hex');
    const username = `${this.o.userPrefix}_${suffix}`;
    const password = `Passw0rd!${suffix}`;
    const reg = await this.call(true, 'register', 'POST', '/auth/register', {
      username,
      email: `${username}@load.test`,
      password,
    });
    if (reg.status !== 200) return false;
    this.id = (JSON.parse(reg.body) as { id: number }).id;
    const login = await this.call(true, 'login', 'POST', '/auth/login', { username, password });
    if (login.status !== 200) return false;
    this.token = (JSON.parse(login.body) as { access_token: string }).access_token;
    const planets = await this.call(true, 'planets', 'GET', `/player/${this.id}/planets`);
    if (planets.status !== 200) return false;
    const home = (
      JSON.parse(planets.body) as { planets: Array<Coordinates & { id: number; active: boolean }> }
    ).planets.find((p) => p.active);
    if (home) {
      this.home = { galaxy: home.galaxy, system: home.system, position: home.position };
      this.o.homes.push(this.home);
      if (this.o.adminToken) {
        const equip = await this.call(
          true,
          'equip',
          'PATCH',
          `/admin/planets/${home.id}`,
          EQUIPMENT,
          this.o.adminToken,
        );
        if (equip.status !== 200) return false;
      }
    }
    return this.openSocket();
  }

  private openSocket(): Promise<boolean> {
    const url = `${this.o.baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(this.token)}`;
    return new Promise((resolve) => {
      const started = performance.now();
      const ws = new WebSocket(url, { perMessageDeflate: false });
      this.ws = ws;
      let welcomed = false;
      ws.on('message', (data) => {
        const type = messageType(String(data));
        if (!welcomed && type === 'welcome') {
          welcomed = true;
          this.o.setupStats.record('ws_connect', 101, performance.now() - started);
          resolve(true);
        }
        if (this.o.measuring || type === 'welcome')
          this.o.wsMessages.set(type, (this.o.wsMessages.get(type) ?? 0) + 1);
      });
      ws.on('error', (err) => {
        if (welcomed) return;
        this.o.setupStats.record('ws_connect', 0, performance.now() - started, err.message);
        resolve(false);
      });
      ws.on('close', (code) => {
        if (code === 1000 || code === 1001 || Date.now() >= this.o.deadline) return;
        (this.o.measuring ? this.o.stats : this.o.setupStats).wsClosed(code);
      });
    });
  }

  /**
   * One unmeasured request just before the window, so a connection the server closed while
   * this player waited for the others' set-up is reopened now rather than inside the window.
   */
  async warm(): Promise<boolean> {
    const res = await this.call(true, 'warm_up', 'GET', '/auth/me');
    return res.status === 200;
  }

  /** Plays until the deadline, starting after a random pause so players do not act in step. */
  async run(): Promise<void> {
    await sleep(Math.random() * this.o.waitMax * 1000);
    while (Date.now() < this.o.deadline) {
      await this.step(pickTask());
      const wait = this.o.waitMin + Math.random() * (this.o.waitMax - this.o.waitMin);
      await sleep(wait * 1000);
    }
  }

  close(): void {
    this.ws?.close(1000);
    this.http.close();
  }

  private async step(task: string): Promise<void> {
    const p = `/player/${this.id}`;
    switch (task) {
      case 'status':
        await this.call(false, 'game_status', 'GET', '/game-status');
        break;
      case 'player':
        await this.call(false, 'player', 'GET', p);
        break;
      case 'build':
        await this.call(false, 'build', 'POST', `${p}/build`, {
          building_type: pick(this.o.buildingTypes),
        });
        break;
      case 'research':
        await this.call(false, 'research', 'POST', `${p}/research`, {
          research_type: pick(['energy', 'laser', 'computer']),
        });
        break;
      case 'ships':
        await this.call(false, 'build_ships', 'POST', `${p}/build-ships`, {
          ship_type: 'light_fighter',
          quantity: 1 + Math.floor(Math.random() * 3),
        });
        break;
      case 'fleet':
        await this.call(false, 'fleet', 'GET', `${p}/fleet`);
        break;
      case 'dispatch':
        await this.dispatch();
        break;
      case 'trade':
        await this.trade();
        break;
    }
  }

  /** A small transfer to another player's planet (arrives, unloads, returns: events + sockets). */
  private async dispatch(): Promise<void> {
    const homes = this.o.homes;
    let target = pick(homes);
    for (let i = 0; i < 3 && target === this.home && homes.length > 1; i++) target = pick(homes);
    if (target === this.home) return;
    await this.call(false, 'fleet_dispatch', 'POST', `/player/${this.id}/fleet/dispatch`, {
      ...target,
      mission: 'transfer',
      ships: { light_fighter: 1 + Math.floor(Math.random() * 3) },
      resources: { metal: 25 },
    });
  }

  /** The market: browse open offers, then accept someone else's or post one of our own. */
  private async trade(): Promise<void> {
    const list = await this.call(false, 'trade_offers', 'GET', '/trade/offers?limit=20');
    if (list.status === 200) {
      this.offers = (
        JSON.parse(list.body) as { offers: Array<{ id: number; seller_user_id: number }> }
      ).offers.map((o) => ({ id: o.id, seller: o.seller_user_id }));
    }
    const others = this.offers.filter((o) => o.seller !== this.id);
    if (others.length > 0 && Math.random() < 0.5) {
      const offer = pick(others);
      this.offers = this.offers.filter((o) => o !== offer);
      await this.call(false, 'trade_accept', 'POST', `/trade/accept/${offer.id}`);
      return;
    }
    const [offered, requested] = [...RESOURCES].sort(() => Math.random() - 0.5);
    await this.call(false, 'trade_create', 'POST', '/trade/offers', {
      offered_resource: offered,
      offered_amount: 100 + Math.floor(Math.random() * 900),
      requested_resource: requested,
      requested_amount: 100 + Math.floor(Math.random() * 900),
    });
  }
}
