// Reads what a (killed or stopped) server left in its store, with the server's own loader, while
// no server runs: a consistent snapshot of everything durable, so a ledger over it cannot be
// fooled by a timed event moving resources between two reads.

import { loadConfig } from '../../../src/config/index.js';
import type { World } from '../../../src/sim/world.js';
import { openStore } from '../../../src/store/index.js';
import { loadWorld } from '../../../src/store/mapping.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface OfferRow {
  id: number;
  seller: number;
  offered: string;
  offeredAmount: number;
  requested: string;
  requestedAmount: number;
  status: string;
  acceptedBy: number | null;
}

export interface TradeEventRow {
  id: number;
  type: string;
  offerId: number;
  seller: number;
  buyer: number | null;
  fee: number;
}

export interface ReportRow {
  id: number;
  fleetId: number;
  attacker: number;
  defender: number;
  outcome: Json;
}

export interface EspionageRow {
  id: number;
  fleetId: number;
  spy: number;
  target: number;
}

export interface NotificationRow {
  id: number;
  userId: number;
  type: string;
  payload: Json;
}

export interface DurableState {
  world: World;
  offers: OfferRow[];
  tradeEvents: TradeEventRow[];
  reports: ReportRow[];
  espionage: EspionageRow[];
  notifications: NotificationRow[];
}

const num = (v: unknown): number => Number(v);
const parse = (v: unknown): Json => (typeof v === 'string' ? JSON.parse(v) : (v as Json));

/** Opens the store the server environment names, reads everything, and closes it again. */
export async function readDurable(env: Record<string, string>): Promise<DurableState> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const store = openStore(config);
  try {
    const world = await loadWorld(store);
    const [offers, tradeEvents, reports, espionage, notifications] = await store.read((db) =>
      Promise.all([
        db.selectFrom('trade_offers').selectAll().orderBy('id').execute(),
        db.selectFrom('trade_events').selectAll().orderBy('id').execute(),
        db.selectFrom('battle_reports').selectAll().orderBy('id').execute(),
        db
          .selectFrom('espionage_reports')
          .select(['id', 'fleet_id', 'attacker_user_id', 'defender_user_id'])
          .orderBy('id')
          .execute(),
        db.selectFrom('notifications').selectAll().orderBy('id').execute(),
      ]),
    );
    return {
      world,
      offers: offers.map((r: Json) => ({
        id: num(r.id),
        seller: num(r.seller_user_id),
        offered: String(r.offered_resource),
        offeredAmount: num(r.offered_amount),
        requested: String(r.requested_resource),
        requestedAmount: num(r.requested_amount),
        status: String(r.status),
        acceptedBy: r.accepted_by === null ? null : num(r.accepted_by),
      })),
      tradeEvents: tradeEvents.map((r: Json) => ({
        id: num(r.id),
        type: String(r.type),
        offerId: num(r.offer_id),
        seller: num(r.seller_user_id),
        buyer: r.buyer_user_id === null ? null : num(r.buyer_user_id),
        fee: num(r.fee),
      })),
      reports: reports.map((r: Json) => ({
        id: num(r.id),
        fleetId: num(r.fleet_id),
        attacker: num(r.attacker_user_id),
        defender: num(r.defender_user_id),
        outcome: parse(r.outcome),
      })),
      espionage: espionage.map((r: Json) => ({
        id: num(r.id),
        fleetId: num(r.fleet_id),
        spy: num(r.attacker_user_id),
        target: num(r.defender_user_id),
      })),
      notifications: notifications.map((r: Json) => ({
        id: num(r.id),
        userId: num(r.user_id),
        type: String(r.type),
        payload: parse(r.payload),
      })),
    };
  } finally {
    await store.close();
  }
}
