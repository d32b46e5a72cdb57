// One simulated player of the load test: registers, logs in, keeps a WebSocket open and plays
// (status, player reads, builds, research, ships, fleets) with a random pause between actions,
// like the reference server's Locust user.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { LoadStats } from './stats.js';

export interface PlayerOptions {
  baseUrl: string;
  userPrefix: string;
  waitMin: number;
  waitMax: number;
  buildingTypes: string[];
  stats: LoadStats;
  deadline: number;
}

/** Weighted tasks: the Locust scenario's (status 3, player 3, build 2) plus the rest of the game. */
const TASKS: Array<[string, number]> = [
  ['status', 3],
  ['player', 3],
  ['build', 2],
  ['research', 1],
  ['ships', 1],
  ['fleet', 1],
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimulatedPlayer {
  private token = '';
  private id = 0;
  private ws: WebSocket | null = null;

  constructor(private readonly o: PlayerOptions) {}

  private async call(
    name: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const started = performance.now();
    let status = 0;
    try {
      const res = await fetch(`${this.o.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      const text = await res.text();
      this.o.stats.record(name, status, performance.now() - started);
      return { status, json: text ? JSON.parse(text) : null };
    } catch (err) {
      this.o.stats.record(name, 0, performance.now() - started, (err as Error).message);
      return { status: 0, json: null };
    }
  }

  async start(): Promise<boolean> {
    const suffix = randomBytes(6).toString('hex');
    const username = `${this.o.userPrefix}_${suffix}`;
    const password = `Passw0rd!${suffix}`;
    const reg = await this.call('register', 'POST', '/auth/register', {
      username,
      email: `${username}@load.test`,
      password,
    });
    if (reg.status !== 200) return false;
    this.id = (reg.json as { id: number }).id;
    const login = await this.call('login', 'POST', '/auth/login', { username, password });
    if (login.status !== 200) return false;
    this.token = (login.json as { access_token: string }).access_token;
    await this.openSocket();
    return true;
  }

  private openSocket(): Promise<void> {
    const url = `${this.o.baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(this.token)}`;
    return new Promise((resolve) => {
      const started = performance.now();
      const ws = new WebSocket(url);
      this.ws = ws;
      ws.on('message', (data) => {
        const type = (JSON.parse(String(data)) as { type: string }).type;
        if (type === 'welcome') {
          this.o.stats.record('ws_connect', 101, performance.now() - started);
          resolve();
        }
        this.o.stats.wsMessage(type);
      });
      ws.on('error', (err) => {
        this.o.stats.record('ws_connect', 0, performance.now() - started, err.message);
        resolve();
      });
      ws.on('close', (code) => {
        if (code !== 1000 && code !== 1001 && Date.now() < this.o.deadline)
          this.o.stats.wsClosed(code);
      });
    });
  }

  async run(): Promise<void> {
    while (Date.now() < this.o.deadline) {
      await this.step(pickTask());
      const wait = this.o.waitMin + Math.random() * (this.o.waitMax - this.o.waitMin);
      await sleep(wait * 1000);
    }
    this.ws?.close(1000);
  }

  private async step(task: string): Promise<void> {
    const p = `/player/${this.id}`;
    switch (task) {
      case 'status':
        await this.call('game_status', 'GET', '/game-status');
        break;
      case 'player':
        await this.call('player', 'GET', p);
        break;
      case 'build': {
        const type =
          this.o.buildingTypes[Math.floor(Math.random() * this.o.buildingTypes.length)] ??
          'metal_mine';
        await this.call('build', 'POST', `${p}/build`, { building_type: type });
        break;
      }
      case 'research':
        await this.call('research', 'POST', `${p}/research`, { research_type: 'energy' });
        break;
      case 'ships':
        await this.call('build_ships', 'POST', `${p}/build-ships`, {
          ship_type: 'light_fighter',
          quantity: 1,
        });
        break;
      case 'fleet':
        await this.call('fleet', 'GET', `${p}/fleet`);
        break;
    }
  }
}
