// The checks of a durable snapshot against the ledger (see ledger.ts for the approach). Each
// function checks one concern, resolves the commands in doubt that concern it, and adds what
// the store's side of the ledger costs (levels, ships, fuel, fees) to `spent`.

import type { Planet, User } from '../../../src/sim/types.js';
import type { DurableState, NotificationRow } from './durable.js';
import { inc, KINDS, zero, type Amounts, type Kind } from './amounts.js';
import type { Command, Ledger, OfferRecord, PlayerBase, PlayerLog } from './ledger.js';
import type { Player } from './setup.js';

interface Check {
  ledger: Ledger;
  state: DurableState;
  /** Violations found so far. */
  v: string[];
  /** What the stored state says was paid (levels, ships, fuel); fees are counted apart. */
  spent: Amounts;
  notes(type: string): NotificationRow[];
  /** Ships lost in stored battles, per player and type. */
  losses: Map<number, Map<string, number>>;
}

interface PlayerCheck extends Check {
  p: Player;
  log: PlayerLog;
  base: PlayerBase;
  planet: Planet;
  user: User;
  doubtOf<K extends Command['kind']>(kind: K): Array<Extract<Command, { kind: K }>>;
}

export function reconcile(ledger: Ledger, state: DurableState, snapshotMs: number): string[] {
  const c: Check = {
    ledger,
    state,
    v: [...ledger.answerProblems],
    spent: zero(),
    notes: (type) => state.notifications.filter((n) => n.type === type),
    losses: lossesByPlayer(state),
  };
  ledger.answerProblems.length = 0;
  for (const p of ledger.players) {
    const planets = state.world.planetsOf(p.id);
    if (planets.length !== 1) c.v.push(`player ${p.id} has ${planets.length} planets, not 1`);
    const planet = state.world.planets.get(p.planetId);
    const user = state.world.users.get(p.id);
    if (!planet || !user) {
      c.v.push(`player ${p.id} or planet ${p.planetId} is missing from the store`);
      continue;
    }
    const log = ledger.player(p.id);
    const pc: PlayerCheck = {
      ...c,
      p,
      log,
      base: ledger.baseline.players.get(p.id) as PlayerBase,
      planet,
      user,
      doubtOf: <K extends Command['kind']>(kind: K) =>
        log.inDoubt.filter((x): x is Extract<Command, { kind: K }> => x.kind === kind),
    };
    checkBuildings(pc);
    checkResearch(pc);
    checkShips(pc);
    checkOwnFleets(pc);
  }
  checkMissingFleets(c, snapshotMs);
  checkReports(c);
  for (const f of ledger.fleets.values()) c.spent.deuterium += f.fuel;
  const { escrow, fees } = checkOffers(c);
  checkBalance(c, escrow, fees);
  for (const log of ledger.log.values()) log.inDoubt = [];
  return c.v;
}

function lossesByPlayer(state: DurableState): Map<number, Map<string, number>> {
  const losses = new Map<number, Map<string, number>>();
  const add = (player: number, lost: Record<string, unknown> | undefined) => {
    const m = losses.get(player) ?? new Map<string, number>();
    losses.set(player, m);
    for (const [type, n] of Object.entries(lost ?? {})) inc(m, type, Number(n));
  };
  for (const r of state.reports) {
    add(r.attacker, r.outcome.attacker_losses);
    add(r.defender, r.outcome.defender_losses);
  }
  return losses;
}

const pay = (c: Check, cost: Partial<Amounts>, times = 1) => {
  for (const k of KINDS) c.spent[k] += (cost[k] ?? 0) * times;
};

/** Levels start + 1 .. level, the completion notices a level history must have produced. */
const levelsBetween = (start: number, level: number) =>
  Array.from({ length: Math.max(0, level - start) }, (_, i) => start + i + 1);

/**
 * Counts applied = projected level - start level against the log: at least what was
 * acknowledged, at most that plus what was in doubt. Records the resolved count.
 */
function checkCount(
  c: PlayerCheck,
  what: string,
  applied: number,
  counts: Map<string, number>,
  type: string,
  maybe: number,
): void {
  const acked = counts.get(type) ?? 0;
  if (applied < acked)
    c.v.push(`player ${c.p.id}: ${acked} ${type} ${what} acknowledged, only ${applied} stored`);
  else if (applied > acked + maybe)
    c.v.push(
      `player ${c.p.id}: ${applied} ${type} ${what} stored, ${acked} acknowledged + ${maybe} in doubt`,
    );
  counts.set(type, Math.max(applied, 0));
}

/** Building levels reached + queued = start + builds applied; one completion notice per level. */
function checkBuildings(c: PlayerCheck): void {
  const { p, planet, ledger } = c;
  const queue = c.state.world.buildQueue(planet.id);
  const notices = c.notes('building_complete').filter((n) => n.userId === p.id);
  for (const unit of ledger.rules.units('building')) {
    const type = unit.type;
    const start = c.base.buildings[type] ?? 0;
    const level = planet.buildings[type] ?? 0;
    const items = queue.filter((i) => i.type === type);
    if (items.some((item, i) => item.level !== level + i + 1))
      c.v.push(`player ${p.id}: ${type} queue levels ${items.map((x) => x.level)} after ${level}`);
    const projected = items.length > 0 ? (items[items.length - 1]?.level ?? level) : level;
    const maybe = c.doubtOf('build').filter((x) => x.type === type).length;
    checkCount(c, 'builds', projected - start, c.log.builds, type, maybe);
    for (let l = start; l < projected; l++) pay(c, ledger.rules.buildingCost(type, l));
    const levels = notices
      .filter((n) => n.payload.building_type === type && n.payload.planet_id === planet.id)
      .map((n) => Number(n.payload.new_level))
      .sort((a, b) => a - b);
    const want = levelsBetween(start, level);
    if (levels.join() !== want.join())
      c.v.push(
        `player ${p.id}: ${type} completion notices for levels [${levels}], completed [${want}]`,
      );
  }
}

/** The same for technologies (one project at a time, per player). */
function checkResearch(c: PlayerCheck): void {
  const { p, user, ledger } = c;
  const queue = c.state.world.researchQueue(p.id);
  if (queue.length > 1) c.v.push(`player ${p.id}: ${queue.length} research items at once`);
  const notices = c.notes('research_complete').filter((n) => n.userId === p.id);
  for (const unit of ledger.rules.units('research')) {
    const type = unit.type;
    const start = c.base.research[type] ?? 0;
    const level = user.research[type] ?? 0;
    const projected = Math.max(level, ...queue.filter((i) => i.type === type).map((i) => i.level));
    const maybe = c.doubtOf('research').filter((x) => x.type === type).length;
    checkCount(c, 'research', projected - start, c.log.research, type, maybe);
    for (let l = start; l < projected; l++) pay(c, ledger.rules.researchCost(type, l));
    const levels = notices
      .filter((n) => n.payload.research_type === type)
      .map((n) => Number(n.payload.new_level))
      .sort((a, b) => a - b);
    const want = levelsBetween(start, level);
    if (levels.join() !== want.join())
      c.v.push(`player ${p.id}: ${type} research notices [${levels}], completed [${want}]`);
  }
}

/**
 * Ships are conserved per type: stationed + flying + queued + lost in battles - start =
 * ordered, which is what was acknowledged plus some of the orders in doubt. Every order is
 * still queued or was announced complete, once.
 */
function checkShips(c: PlayerCheck): void {
  const { p, planet, ledger } = c;
  const queue = c.state.world.shipQueue(planet.id);
  const fleets = c.state.world.fleets.ownedBy(p.id);
  const lost = c.losses.get(p.id) ?? new Map<string, number>();
  for (const unit of ledger.rules.units('ship')) {
    const type = unit.type;
    const stationed = planet.ships[type] ?? 0;
    if (stationed < 0) c.v.push(`player ${p.id}: ${stationed} ${type} stationed`);
    let flying = 0;
    for (const f of fleets) flying += f.ships[type] ?? 0;
    let queued = 0;
    for (const item of queue) if (item.type === type) queued += item.count - item.doneCount;
    const ordered = stationed + flying + queued + (lost.get(type) ?? 0) - (c.base.ships[type] ?? 0);
    const acked = c.log.shipQty.get(type) ?? 0;
    const maybe = c
      .doubtOf('ships')
      .filter((x) => x.type === type)
      .map((x) => x.quantity);
    const where = `stationed ${stationed}, flying ${flying}, queued ${queued}, lost ${lost.get(type) ?? 0}`;
    if (ordered < acked)
      c.v.push(
        `player ${p.id}: ${type} not conserved: ${acked} ordered, ${ordered} found (${where})`,
      );
    else if (!subsetSums(maybe, ordered - acked))
      c.v.push(
        `player ${p.id}: ${type} not conserved: ${ordered} found (${where}), ${acked} ordered + in doubt [${maybe}]`,
      );
    c.log.shipQty.set(type, Math.max(ordered, 0));
    pay(c, ledger.rules.unitCost(type), Math.max(ordered, 0));
  }
  const notices = c.notes('ship_build_complete').filter((n) => n.userId === p.id).length;
  const orders = notices + queue.length;
  const maybeOrders = c.doubtOf('ships').length;
  if (orders < c.log.shipOrders || orders > c.log.shipOrders + maybeOrders)
    c.v.push(
      `player ${p.id}: ${notices} ship order completion notices + ${queue.length} queued, ` +
        `${c.log.shipOrders} orders acknowledged + ${maybeOrders} in doubt`,
    );
  c.log.shipOrders = orders;
}

/** Every stored fleet of the player was acknowledged or is an in-doubt dispatch. */
function checkOwnFleets(c: PlayerCheck): void {
  const { p, ledger } = c;
  const dispatches = c.doubtOf('dispatch');
  for (const f of c.state.world.fleets.ownedBy(p.id)) {
    for (const k of KINDS)
      if (f.cargo[k] < 0) c.v.push(`fleet ${f.id}: negative cargo ${k} ${f.cargo[k]}`);
    if (ledger.fleets.has(f.id)) continue;
    const i = dispatches.findIndex(
      (x) =>
        x.mission === f.mission &&
        x.target.position === f.target.position &&
        x.target.system === f.target.system &&
        Object.entries(x.ships).every(([t, n]) => (f.ships[t] ?? 0) <= n),
    );
    if (i < 0) {
      c.v.push(`player ${p.id}: fleet ${f.id} (${f.mission}) in the store was never sent`);
      continue;
    }
    dispatches.splice(i, 1);
    ledger.fleets.set(f.id, {
      id: f.id,
      owner: p.id,
      mission: f.mission,
      fuel: f.fuel,
      returnMs: f.returnTime,
      recalled: f.recalled,
    });
  }
  for (const x of c.doubtOf('recall')) {
    const stored = c.state.world.fleets.get(x.fleetId);
    const record = ledger.fleets.get(x.fleetId);
    if (record && stored) {
      record.recalled = stored.recalled;
      record.returnMs = stored.returnTime;
    } else if (record) record.returnMs = null; // gone: when it came home is unknown
  }
}

/** A known fleet missing from the store came home before the stop, or died in its battle. */
function checkMissingFleets(c: Check, snapshotMs: number): void {
  for (const f of c.ledger.fleets.values()) {
    const stored = c.state.world.fleets.get(f.id);
    if (stored) {
      if (f.recalled && !stored.recalled)
        c.v.push(`fleet ${f.id}: recall acknowledged but not stored`);
      continue;
    }
    const report = c.state.reports.find((r) => r.fleetId === f.id);
    if (report && Object.keys(report.outcome.attacker_remaining ?? {}).length === 0) continue;
    if (f.returnMs !== null && f.returnMs > snapshotMs)
      c.v.push(
        `fleet ${f.id} (${f.mission}) acknowledged, due home ${new Date(f.returnMs).toISOString()}, ` +
          `gone from the store at ${new Date(snapshotMs).toISOString()}`,
      );
  }
}

const countBy = <T>(items: readonly T[], key: (item: T) => string | number) => {
  const m = new Map<string | number, number>();
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
  return m;
};

/** One battle per attacking fleet, one espionage report per spying fleet, each told once. */
function checkReports(c: Check): void {
  const { ledger, state } = c;
  for (const [fleetId, n] of countBy(state.reports, (r) => r.fleetId)) {
    if (n > 1) c.v.push(`fleet ${fleetId} fought ${n} battles (one arrival, one battle)`);
    if (!ledger.fleets.has(Number(fleetId)))
      c.v.push(`battle report for fleet ${fleetId}, which was never sent`);
  }
  const battleNotes = countBy(
    c.notes('battle_report'),
    (n) => `${n.payload.report_id}:${n.payload.role}`,
  );
  for (const r of state.reports)
    for (const role of ['attacker', 'defender']) {
      const n = battleNotes.get(`${r.id}:${role}`) ?? 0;
      if (n !== 1) c.v.push(`battle report ${r.id}: ${n} ${role} notices`);
    }
  for (const [fleetId, n] of countBy(state.espionage, (r) => r.fleetId))
    if (n > 1) c.v.push(`fleet ${fleetId} spied ${n} times (one arrival, one report)`);
  const spyNotes = countBy(c.notes('espionage_report'), (n) => n.payload.report_id);
  const caughtNotes = countBy(c.notes('espionage_detected'), (n) => n.payload.report_id);
  for (const r of state.espionage) {
    if (ledger.fleets.get(r.fleetId)?.mission !== 'espionage')
      c.v.push(`espionage report ${r.id} for fleet ${r.fleetId}, which was never sent to spy`);
    const seen = spyNotes.get(r.id) ?? 0;
    const caught = caughtNotes.get(r.id) ?? 0;
    if (seen !== 1 || caught !== 1)
      c.v.push(`espionage report ${r.id}: ${seen} notices to the spy, ${caught} to the target`);
  }
}

/**
 * Offers: acknowledged ones are stored with the acknowledged status, unknown ones were in doubt;
 * each has exactly its history (created, then accepted, cancelled or expired) and one sale
 * notice if sold. Returns the escrow of open offers and the fees burned.
 */
function checkOffers(c: Check): { escrow: Amounts; fees: Amounts } {
  const { ledger, state } = c;
  const escrow = zero();
  const fees = zero();
  const doubtOf = (player: number | null) =>
    player === null ? [] : (ledger.log.get(player)?.inDoubt ?? []);
  for (const row of state.offers) {
    let record = ledger.offers.get(row.id);
    if (!record) {
      const doubt = doubtOf(row.seller);
      const i = doubt.findIndex(
        (x) =>
          x.kind === 'offer' &&
          x.offered === row.offered &&
          x.offeredAmount === row.offeredAmount &&
          x.requested === row.requested &&
          x.requestedAmount === row.requestedAmount,
      );
      if (i < 0) {
        c.v.push(`offer ${row.id} of player ${row.seller} in the store was never made`);
        continue;
      }
      doubt.splice(i, 1);
      record = { id: row.id, seller: row.seller, status: 'open', acceptedBy: null };
      ledger.offers.set(row.id, record);
    }
    if (
      record.status === 'accepted' &&
      (row.status !== 'accepted' || row.acceptedBy !== record.acceptedBy)
    )
      c.v.push(
        `offer ${row.id}: accept by ${record.acceptedBy} acknowledged, stored ${row.status} by ${row.acceptedBy}`,
      );
    if (record.status === 'cancelled' && row.status !== 'cancelled')
      c.v.push(`offer ${row.id}: cancel acknowledged, stored ${row.status}`);
    if (record.status === 'open' && row.status !== 'open') {
      // Closed by a command whose answer never came: an accept or a cancel in doubt.
      const who = row.status === 'accepted' ? row.acceptedBy : row.seller;
      const kind = row.status === 'accepted' ? 'accept' : 'cancel';
      const doubt = doubtOf(who);
      const i = doubt.findIndex((x) => x.kind === kind && x.offerId === row.id);
      if (i < 0)
        c.v.push(`offer ${row.id} is ${row.status} by ${who}, never acknowledged nor in doubt`);
      else doubt.splice(i, 1);
    }
    record.status = row.status as OfferRecord['status'];
    record.acceptedBy = row.acceptedBy;
    if (row.status === 'open') escrow[row.offered as Kind] += row.offeredAmount;
    if (row.status === 'accepted')
      fees[row.requested as Kind] += Math.floor(row.requestedAmount * ledger.feeRate);
  }
  const stored = new Set(state.offers.map((r) => r.id));
  for (const record of ledger.offers.values())
    if (!stored.has(record.id))
      c.v.push(
        `offer ${record.id} of player ${record.seller} acknowledged, missing from the store`,
      );

  const history = new Map<number, string[]>();
  for (const e of state.tradeEvents)
    history.set(e.offerId, [...(history.get(e.offerId) ?? []), e.type]);
  const sold = countBy(c.notes('trade_completed'), (n) => n.payload.offer_id);
  for (const row of state.offers) {
    const list = history.get(row.id) ?? [];
    const closing = row.status === 'accepted' ? 'trade_completed' : `offer_${row.status}`;
    const want = row.status === 'open' ? ['offer_created'] : ['offer_created', closing];
    if (list.join() !== want.join())
      c.v.push(`offer ${row.id} (${row.status}): trade history [${list}], expected [${want}]`);
    const notices = sold.get(row.id) ?? 0;
    if (notices !== (row.status === 'accepted' ? 1 : 0))
      c.v.push(`offer ${row.id} (${row.status}): ${notices} sale notices to the seller`);
  }
  return { escrow, fees };
}

/** Nothing negative; planets + cargo + escrow = start - what was paid - fees, per kind. */
function checkBalance(c: Check, escrow: Amounts, fees: Amounts): void {
  const have = zero();
  for (const planet of c.state.world.planets.values()) {
    for (const k of KINDS) {
      if (planet.resources[k] < -1e-6)
        c.v.push(`planet ${planet.id}: ${k} is negative (${planet.resources[k]})`);
      have[k] += planet.resources[k];
    }
  }
  for (const f of c.state.world.fleets.values()) for (const k of KINDS) have[k] += f.cargo[k];
  for (const k of KINDS) {
    const expected = c.ledger.baseline.totals[k] - c.spent[k] - fees[k];
    const held = have[k] + escrow[k];
    if (Math.abs(held - expected) > 1e-3)
      c.v.push(
        `${k} not conserved: planets + cargo + escrow = ${held}, start - costs - fees = ` +
          `${expected} (difference ${held - expected})`,
      );
  }
}

/** Whether some subset of `values` sums to `target` (the empty one sums to 0). */
function subsetSums(values: readonly number[], target: number): boolean {
  if (target === 0) return true;
  for (let mask = 1; mask < 1 << values.length; mask++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) if (mask & (1 << i)) sum += values[i] as number;
    if (sum === target) return true;
  }
  return false;
}
