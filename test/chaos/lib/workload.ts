// Simulated players: one client per player, each sending one request at a time (so at most one
// command per player is in doubt when the server dies), choosing a mixed workload with a seeded
// random source, and recording every answer in the ledger.

import { createRng } from '../../../src/sim/random.js';
import type { Rng } from '../../../src/sim/types.js';
import { http, type Outcome } from './http.js';
import { KINDS, type Kind } from './amounts.js';
import type { Command, Ledger } from './ledger.js';
import { BUILDABLE, RESEARCHABLE, type Player } from './setup.js';

/** Opens and closes the way to the server; `epoch` changes at every close. */
export class Gate {
  epoch = 0;
  isOpen = false;
  private waiters: Array<() => void> = [];

  open(): void {
    this.isOpen = true;
    for (const w of this.waiters.splice(0)) w();
  }

  close(): void {
    this.isOpen = false;
    this.epoch++;
  }

  wait(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Wakes every waiter without opening (clients that were told to stop then leave). */
  wakeAll(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** Open offers of other players, learned from GET /trade/offers. */
export type Board = Map<number, { seller: number }>;

/** Seed-ruleset ship speeds (no hyperspace research in the workload), to time flights. */
const SPEED: Record<string, number> = {
  light_fighter: 12500,
  heavy_fighter: 10000,
  colony_ship: 2500,
};
const POSITIONS = 15;

export interface WorkloadOptions {
  base: string;
  seed: number;
  /** Flights take this many seconds one way (the speed fraction is chosen to match). */
  flightSeconds: [number, number];
  /** Sees every request: when it was sent, what it was, and how it ended. */
  onOutcome?: (sentAt: number, what: string, outcome: Outcome) => void;
}

const WEIGHTS: Array<[string, number]> = [
  ['build', 3],
  ['research', 1],
  ['ships', 2.5],
  ['transfer', 2],
  ['attack', 1.2],
  ['spy', 0.6],
  ['recall', 0.4],
  ['offer', 1.5],
  ['accept', 1.5],
  ['cancel', 0.8],
  ['read', 2],
  ['board', 1],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((a, [, w]) => a + w, 0);

export class Client {
  private readonly rng: Rng;
  private stopped = false;
  private running: Promise<void> | null = null;
  private current: Promise<unknown> | null = null;

  constructor(
    private readonly player: Player,
    private readonly others: readonly Player[],
    private readonly ledger: Ledger,
    private readonly gate: Gate,
    private readonly board: Board,
    private readonly options: WorkloadOptions,
  ) {
    this.rng = createRng(options.seed);
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops after the request in flight; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.gate.wakeAll();
    await this.running;
  }

  /** Resolves once the request in flight (if any) has its answer or its failure. */
  async settled(): Promise<void> {
    while (this.current) await this.current.catch(() => undefined);
  }

  private int(min: number, max: number): number {
    return min + this.rng.int(max - min + 1);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.rng.int(list.length)] as T;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      await this.gate.wait();
      if (this.stopped) break;
      if (!this.gate.isOpen) continue;
      const epoch = this.gate.epoch;
      const job = this.step(() => this.gate.isOpen && this.gate.epoch === epoch);
      this.current = job;
      await job;
      this.current = null;
    }
  }

  private async step(up: () => boolean): Promise<void> {
    let r = this.rng.next() * TOTAL_WEIGHT;
    let action = 'read';
    for (const [name, w] of WEIGHTS) {
      if ((r -= w) < 0) {
        action = name;
        break;
      }
    }
    const command = this.command(action);
    const { base } = this.options;
    const token = this.player.token;
    const me = this.player.id;
    if (!command) {
      const path =
        action === 'board'
          ? '/trade/offers?limit=100'
          : this.pick([
              `/player/${me}`,
              `/player/${me}/fleet`,
              `/player/${me}/notifications?limit=5`,
            ]);
      const sentAt = Date.now();
      const outcome = await http(base, 'GET', path, { token });
      this.options.onOutcome?.(sentAt, `GET ${path}`, outcome);
      this.ledger.recordRead(outcome, up());
      if (action === 'board' && outcome.status === 200) {
        this.board.clear();
        for (const o of outcome.body.offers ?? [])
          this.board.set(Number(o.id), { seller: Number(o.seller_user_id) });
      }
      return;
    }
    const sentAt = Date.now();
    const outcome = await this.send(command);
    this.options.onOutcome?.(sentAt, command.kind, outcome);
    this.ledger.record(me, command, outcome, up());
    if (command.kind === 'accept') this.board.delete(command.offerId);
  }

  private send(c: Command): Promise<Outcome> {
    const { base } = this.options;
    const token = this.player.token;
    const me = this.player.id;
    switch (c.kind) {
      case 'build':
        return http(base, 'POST', `/player/${me}/build`, {
          token,
          body: { building_type: c.type },
        });
      case 'research':
        return http(base, 'POST', `/player/${me}/research`, {
          token,
          body: { research_type: c.type },
        });
      case 'ships':
        return http(base, 'POST', `/player/${me}/build-ships`, {
          token,
          body: { ship_type: c.type, quantity: c.quantity },
        });
      case 'dispatch':
        return http(base, 'POST', `/player/${me}/fleet/dispatch`, {
          token,
          body: {
            ...c.target,
            mission: c.mission,
            ships: c.ships,
            resources: c.cargo,
            speed: c.speed,
          },
        });
      case 'recall':
        return http(base, 'POST', `/player/${me}/fleet/${c.fleetId}/recall`, { token });
      case 'offer':
        return http(base, 'POST', '/trade/offers', {
          token,
          body: {
            offered_resource: c.offered,
            offered_amount: c.offeredAmount,
            requested_resource: c.requested,
            requested_amount: c.requestedAmount,
          },
        });
      case 'accept':
        return http(base, 'POST', `/trade/accept/${c.offerId}`, { token });
      case 'cancel':
        return http(base, 'DELETE', `/trade/offers/${c.offerId}`, { token });
    }
  }

  /** The speed fraction that makes the flight last about the wanted number of seconds. */
  private speedFor(target: Player, ships: Record<string, number>): number {
    const from = this.player.coords;
    const to = target.coords;
    const distance =
      Math.abs(from.system - to.system) * POSITIONS + Math.abs(from.position - to.position);
    const slowest = Math.min(...Object.keys(ships).map((t) => SPEED[t] ?? 10000));
    const [lo, hi] = this.options.flightSeconds;
    const seconds = lo + this.rng.next() * (hi - lo);
    const fraction = (distance * 3600) / (slowest * seconds);
    return Math.min(1, Math.max(0.01, Math.round(fraction * 1000) / 1000));
  }

  private command(action: string): Command | null {
    const me = this.player.id;
    switch (action) {
      case 'build':
        return { kind: 'build', type: this.pick(BUILDABLE) };
      case 'research':
        return { kind: 'research', type: this.pick(RESEARCHABLE) };
      case 'ships': {
        const type = this.pick(['colony_ship', 'colony_ship', 'light_fighter', 'heavy_fighter']);
        const quantity = type === 'colony_ship' ? this.int(1, 5) : this.int(1, 3);
        return { kind: 'ships', type, quantity };
      }
      case 'transfer': {
        const target = this.pick(this.others);
        const ships = { colony_ship: this.int(1, 2) };
        const cargo = {
          metal: this.int(0, 2500),
          crystal: this.int(0, 2500),
          deuterium: this.int(0, 2000),
        };
        return {
          kind: 'dispatch',
          mission: 'transfer',
          target: target.coords,
          ships,
          cargo,
          speed: this.speedFor(target, ships),
        };
      }
      case 'attack': {
        const target = this.pick(this.others);
        const ships: Record<string, number> = { light_fighter: this.int(2, 20) };
        if (this.rng.next() < 0.3) ships.heavy_fighter = this.int(1, 3);
        return {
          kind: 'dispatch',
          mission: 'attack',
          target: target.coords,
          ships,
          cargo: { metal: 0, crystal: 0, deuterium: 0 },
          speed: this.speedFor(target, ships),
        };
      }
      case 'spy': {
        const target = this.pick(this.others);
        const ships = { light_fighter: 1 };
        return {
          kind: 'dispatch',
          mission: 'espionage',
          target: target.coords,
          ships,
          cargo: { metal: 0, crystal: 0, deuterium: 0 },
          speed: this.speedFor(target, ships),
        };
      }
      case 'recall': {
        const fleets = this.ledger.outboundFleets(me, Date.now());
        return fleets.length > 0 ? { kind: 'recall', fleetId: this.pick(fleets) } : null;
      }
      case 'offer': {
        const offered = this.pick(KINDS);
        const requested = this.pick(KINDS.filter((k) => k !== offered)) as Kind;
        return {
          kind: 'offer',
          offered,
          offeredAmount: this.int(100, 3000),
          requested,
          requestedAmount: this.int(100, 3000),
        };
      }
      case 'accept': {
        const candidates = [...this.board].filter(([, o]) => o.seller !== me);
        if (candidates.length === 0) return null;
        const [offerId, offer] = this.pick(candidates);
        return { kind: 'accept', offerId, seller: offer.seller };
      }
      case 'cancel': {
        const mine = this.ledger.openOffersOf(me);
        return mine.length > 0 ? { kind: 'cancel', offerId: this.pick(mine) } : null;
      }
      default:
        return null;
    }
  }
}
