// The client-side record of every command and what the server answered, and the reconciliation
// of that record with a durable snapshot: acknowledged effects present, nothing applied twice,
// nothing negative, and ships and resources conserved.
//
// The ledger. Production is zero (see setup.ts), so a resource can change in exactly these
// ways: paid for a building level, a technology level or a ship order; burned as fuel or as a
// trade fee; or moved (escrow of an open offer, cargo of a fleet, a trade, a delivery, loot).
// Moves conserve the sum, so per resource kind, over the whole universe:
//
//   planet stocks + cargo in flight + escrow of open offers
//     = start stocks - price of every level above the start levels (buildings, research)
//       - price of every ship ordered - fuel of every fleet sent - fees of accepted offers
//
// The right-hand side is computed from the snapshot itself (levels reached, ships accounted
// for), not from the client's log, so it checks the server's bookkeeping on its own. Ships are
// conserved per player and type: stationed + in flight + still in the shipyard + lost in
// battles (from the stored battle reports) - start count = ships ordered.
//
// A command whose answer never came (the server was killed, or answered 5xx) is *in doubt*: it
// may or may not have been committed. Each is resolved from the snapshot (a level one higher, an
// unknown fleet or offer of that player, a quantity of ships that fits), and the checks bound
// every count between "acknowledged" and "acknowledged + in doubt".

import type { Ruleset } from '../../../src/rules/types.js';
import type { Planet } from '../../../src/sim/types.js';
import type { DurableState } from './durable.js';
import { inc, KINDS, zero, type Amounts, type Kind } from './amounts.js';
import type { Outcome } from './http.js';
import { reconcile } from './reconcile.js';
import type { Coords, Player } from './setup.js';

export type Command =
  | { kind: 'build'; type: string }
  | { kind: 'research'; type: string }
  | { kind: 'ships'; type: string; quantity: number }
  | {
      kind: 'dispatch';
      mission: 'transfer' | 'attack' | 'espionage';
      target: Coords;
      ships: Record<string, number>;
      cargo: Amounts;
      speed: number;
    }
  | { kind: 'recall'; fleetId: number }
  | {
      kind: 'offer';
      offered: Kind;
      offeredAmount: number;
      requested: Kind;
      requestedAmount: number;
    }
  | { kind: 'accept'; offerId: number; seller: number }
  | { kind: 'cancel'; offerId: number };

export interface FleetRecord {
  id: number;
  owner: number;
  mission: string;
  fuel: number;
  /** When the fleet is home (recalls move it earlier); null when unknown (in-doubt recall). */
  returnMs: number | null;
  recalled: boolean;
}

export interface OfferRecord {
  id: number;
  seller: number;
  status: 'open' | 'accepted' | 'cancelled';
  acceptedBy: number | null;
}

export interface PlayerBase {
  planetId: number;
  buildings: Record<string, number>;
  research: Record<string, number>;
  ships: Record<string, number>;
}

/** The start of the run, read from the store right after set-up. */
export interface Baseline {
  players: Map<number, PlayerBase>;
  totals: Amounts;
}

export function baselineOf(state: DurableState, players: readonly Player[]): Baseline {
  const out = new Map<number, PlayerBase>();
  const totals = zero();
  for (const p of players) {
    const planet = state.world.planets.get(p.planetId) as Planet;
    const user = state.world.users.get(p.id);
    out.set(p.id, {
      planetId: p.planetId,
      buildings: { ...planet.buildings },
      research: { ...(user?.research ?? {}) },
      ships: { ...planet.ships },
    });
  }
  for (const planet of state.world.planets.values())
    for (const k of KINDS) totals[k] += planet.resources[k];
  return { players: out, totals };
}

export interface Counters {
  requests: number;
  acknowledged: number;
  rejected: number;
  inDoubt: number;
  /** 5xx answers and transport failures while the server was meant to be up. */
  errors: number;
  latencies: number[];
}

/** Per player: what the server has acknowledged (and, after a reconciliation, applied). */
export class PlayerLog {
  builds = new Map<string, number>();
  research = new Map<string, number>();
  shipQty = new Map<string, number>();
  shipOrders = 0;
  inDoubt: Command[] = [];
}

export class Ledger {
  readonly log = new Map<number, PlayerLog>();
  readonly fleets = new Map<number, FleetRecord>();
  readonly offers = new Map<number, OfferRecord>();
  readonly counters: Counters = {
    requests: 0,
    acknowledged: 0,
    rejected: 0,
    inDoubt: 0,
    errors: 0,
    latencies: [],
  };
  /** Problems seen in answers (e.g. an error without a detail), reported with the invariants. */
  readonly answerProblems: string[] = [];
  /** Every 5xx / transport failure seen while the server was meant to be up (first few kept). */
  readonly errorSamples: string[] = [];

  constructor(
    readonly players: readonly Player[],
    readonly baseline: Baseline,
    readonly rules: Ruleset,
    readonly feeRate: number,
  ) {
    for (const p of players) this.log.set(p.id, new PlayerLog());
  }

  player(id: number): PlayerLog {
    return this.log.get(id) as PlayerLog;
  }

  /** Records a read's answer (latency and errors only). */
  recordRead(outcome: Outcome, expected: boolean): void {
    this.counters.requests++;
    if (outcome.status !== null && outcome.status < 500) {
      this.counters.latencies.push(outcome.ms);
      if (outcome.status >= 400) this.checkDetail('GET', outcome);
      return;
    }
    if (expected) this.error('read', outcome);
  }

  private error(what: string, outcome: Outcome): void {
    this.counters.errors++;
    if (this.errorSamples.length < 20)
      this.errorSamples.push(
        `${what}: ${outcome.status ?? outcome.error} ${JSON.stringify(outcome.body)}`,
      );
  }

  private checkDetail(what: string, outcome: Outcome): void {
    if (typeof outcome.body?.detail !== 'string' || outcome.body.detail.length === 0) {
      this.answerProblems.push(
        `${what} answered ${outcome.status} without a {detail}: ${JSON.stringify(outcome.body)}`,
      );
    }
  }

  /**
   * Records a command's answer. `expected` is false when the server was being killed or
   * stopped (a failure then is the point of the test, not an error).
   */
  record(playerId: number, command: Command, outcome: Outcome, expected: boolean): void {
    this.counters.requests++;
    const status = outcome.status;
    if (status !== null && status < 500) this.counters.latencies.push(outcome.ms);
    if (status !== null && status >= 200 && status < 300) {
      this.counters.acknowledged++;
      this.acknowledge(playerId, command, outcome.body);
      return;
    }
    if (status !== null && status >= 400 && status < 500) {
      this.counters.rejected++;
      this.checkDetail(command.kind, outcome);
      return;
    }
    if (status !== null) this.checkDetail(command.kind, outcome);
    if (expected) this.error(command.kind, outcome);
    this.counters.inDoubt++;
    this.player(playerId).inDoubt.push(command);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private acknowledge(playerId: number, command: Command, body: any): void {
    const log = this.player(playerId);
    switch (command.kind) {
      case 'build':
        inc(log.builds, command.type);
        break;
      case 'research':
        inc(log.research, command.type);
        break;
      case 'ships':
        inc(log.shipQty, command.type, command.quantity);
        log.shipOrders++;
        break;
      case 'dispatch':
        this.fleets.set(Number(body.fleet_id), {
          id: Number(body.fleet_id),
          owner: playerId,
          mission: command.mission,
          fuel: Number(body.fuel ?? 0),
          returnMs: body.return_time ? Date.parse(body.return_time) : null,
          recalled: false,
        });
        break;
      case 'recall': {
        // The answer names the fleet recalled: an id that is no longer the player's (a fleet
        // lost in battle) recalls their only fleet in flight instead (compatibility).
        const fleet = this.fleets.get(Number(body.fleet_id ?? command.fleetId));
        if (fleet) {
          fleet.recalled = true;
          fleet.returnMs = Date.parse(body.return_eta);
        }
        break;
      }
      case 'offer':
        this.offers.set(Number(body.id), {
          id: Number(body.id),
          seller: playerId,
          status: 'open',
          acceptedBy: null,
        });
        break;
      case 'accept': {
        const record: OfferRecord = this.offers.get(command.offerId) ?? {
          id: command.offerId,
          seller: command.seller,
          status: 'open',
          acceptedBy: null,
        };
        record.status = 'accepted';
        record.acceptedBy = playerId;
        this.offers.set(command.offerId, record);
        break;
      }
      case 'cancel': {
        const offer = this.offers.get(command.offerId);
        if (offer) offer.status = 'cancelled';
        break;
      }
    }
  }

  /** Own fleets still on their way out (candidates for a recall). */
  outboundFleets(playerId: number, now: number): number[] {
    const out: number[] = [];
    for (const f of this.fleets.values()) {
      if (f.owner === playerId && !f.recalled && f.returnMs !== null && f.returnMs > now)
        out.push(f.id);
    }
    return out;
  }

  openOffersOf(playerId: number): number[] {
    const out: number[] = [];
    for (const o of this.offers.values())
      if (o.seller === playerId && o.status === 'open') out.push(o.id);
    return out;
  }

  /**
   * Checks a durable snapshot against the record, resolves every command in doubt, and returns
   * the violations found (empty when every invariant holds). `snapshotMs` is when the server
   * stopped: a fleet missing from the snapshot must have been home by then.
   */
  reconcile(state: DurableState, snapshotMs: number): string[] {
    return reconcile(this, state, snapshotMs);
  }
}
