import type { Schemas } from '@ogame-like/sdk';
import type { ComponentChildren } from 'preact';
import { formatCoords, formatDecimal, formatNumber, formatTime, humanize } from '../lib/format';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';

// A notification in words: its type says what happened, its payload the facts (the payloads are
// the server's, see src/sim/notify.ts and its callers). Unknown types get a generic sentence.

export type Notification = Schemas['Notification'];

export interface Wording {
  /** A short title: the kind of event. */
  title: string;
  /** The sentence. */
  text: ComponentChildren;
  /** Where to read more (a report). */
  more?: { href: string; label: string };
}

export interface WordingContext {
  userId: number;
  nameOf: (type: string) => string;
  planetName: (id: number) => string | undefined;
  playerName: (id: number) => string | undefined;
  link: (path: string, query?: Record<string, string | number>) => string;
}

type Payload = Record<string, unknown>;

const isObject = (v: unknown): v is Payload => typeof v === 'object' && v !== null;
const str = (p: Payload, key: string): string | undefined =>
  typeof p[key] === 'string' ? p[key] : undefined;
const num = (p: Payload, key: string): number | undefined =>
  typeof p[key] === 'number' && Number.isFinite(p[key]) ? p[key] : undefined;

/** `[1:2:3]` from a `{galaxy, system, position | planet}` field, else undefined. */
function coords(p: Payload, key: string): string | undefined {
  const c = p[key];
  if (!isObject(c) || typeof c.galaxy !== 'number' || typeof c.system !== 'number')
    return undefined;
  const position = typeof c.position === 'number' ? c.position : c.planet;
  return formatCoords({
    galaxy: c.galaxy,
    system: c.system,
    position: typeof position === 'number' ? position : undefined,
  });
}

function resources(p: Payload, key: string): Resources | undefined {
  const r = p[key];
  if (!isObject(r)) return undefined;
  const out = { metal: 0, crystal: 0, deuterium: 0 };
  for (const kind of RESOURCE_KINDS) out[kind] = typeof r[kind] === 'number' ? r[kind] : 0;
  return out;
}

function amountsText(r: Resources): string {
  const parts = RESOURCE_KINDS.filter((kind) => r[kind] > 0).map(
    (kind) => `${formatNumber(r[kind])} ${kind}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** `1,000 metal` from a `{resource, amount}` field. */
function lot(p: Payload, key: string): string | undefined {
  const l = p[key];
  if (!isObject(l) || typeof l.resource !== 'string' || typeof l.amount !== 'number')
    return undefined;
  return `${formatNumber(l.amount)} ${l.resource}`;
}

function planetOf(p: Payload, ctx: WordingContext): string {
  const name = str(p, 'planet_name') ?? str(p, 'name');
  const id = num(p, 'planet_id');
  return name ?? (id !== undefined ? (ctx.planetName(id) ?? `planet #${id}`) : 'your planet');
}

const player = (id: number | undefined, ctx: WordingContext) =>
  id === undefined
    ? 'another player'
    : id === ctx.userId
      ? 'you'
      : (ctx.playerName(id) ?? `player #${id}`);

/** A few of the payload's plain facts, for a type this client does not know. */
function keyFacts(p: Payload): string {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(p)) {
    if (key === 'ts') continue;
    let shown: string | undefined;
    if (typeof value === 'number') shown = formatNumber(value);
    else if (typeof value === 'string')
      shown = /^\d{4}-\d\d-\d\dT/.test(value) ? formatTime(value) : value;
    else if (typeof value === 'boolean') shown = value ? 'yes' : 'no';
    else if (isObject(value) && typeof value.galaxy === 'number') shown = coords(p, key);
    if (shown !== undefined) facts.push(`${humanize(key)}: ${shown}`);
    if (facts.length >= 4) break;
  }
  return facts.join(' · ');
}

export function wording(n: Notification, ctx: WordingContext): Wording {
  const p: Payload = n.payload;
  const reportId = num(p, 'report_id');
  switch (n.type) {
    case 'building_complete': {
      const what = ctx.nameOf(str(p, 'building_type') ?? '?');
      const level = formatNumber(num(p, 'new_level') ?? 0);
      return {
        title: 'Building complete',
        text:
          str(p, 'action') === 'demolish'
            ? `${what} on ${planetOf(p, ctx)} was demolished to level ${level}.`
            : `${what} on ${planetOf(p, ctx)} reached level ${level}.`,
      };
    }
    case 'research_complete':
      return {
        title: 'Research complete',
        text: `${ctx.nameOf(str(p, 'research_type') ?? '?')} reached level ${formatNumber(num(p, 'new_level') ?? 0)}.`,
      };
    case 'ship_build_complete':
      return {
        title: 'Shipyard order complete',
        text: `${formatNumber(num(p, 'count') ?? 0)} × ${ctx.nameOf(str(p, 'ship_type') ?? '?')} built on ${planetOf(p, ctx)}.`,
      };
    case 'storage_full': {
      const full = Array.isArray(p.resources)
        ? p.resources.filter((r) => typeof r === 'string')
        : [];
      return {
        title: 'Storage full',
        text: `The ${full.length > 0 ? full.join(' and ') : 'resource'} storage of ${planetOf(p, ctx)} is full.`,
      };
    }
    case 'energy_deficit': {
      const factor = num(p, 'factor');
      return {
        title: 'Energy deficit',
        text: `${planetOf(p, ctx)} consumes ${formatNumber(num(p, 'energy_consumed') ?? 0)} energy but produces ${formatNumber(num(p, 'energy_produced') ?? 0)}${factor !== undefined ? `: mines run at ${formatDecimal(factor * 100)} %` : ''}.`,
      };
    }
    case 'incoming_attack': {
      const eta = str(p, 'eta');
      return {
        title: 'Incoming attack',
        text: `A hostile fleet of ${player(num(p, 'attacker_user_id'), ctx)} from ${coords(p, 'origin') ?? '?'} is attacking ${coords(p, 'target') ?? planetOf(p, ctx)}${eta ? `, arriving at ${formatTime(eta)}` : ''}.`,
      };
    }
    case 'battle_report': {
      const role = str(p, 'role') === 'defender' ? 'defender' : 'attacker';
      const winner = str(p, 'winner');
      const result =
        winner === 'draw' ? 'ended in a draw' : winner === role ? 'you won' : 'you lost';
      const loot = resources(p, 'loot');
      const where = coords(p, 'location') ?? '?';
      const lootText =
        loot && RESOURCE_KINDS.some((k) => loot[k] > 0)
          ? role === 'attacker'
            ? ` Loot: ${amountsText(loot)}.`
            : ` Plundered: ${amountsText(loot)}.`
          : '';
      return {
        title: 'Battle report',
        text: `${role === 'attacker' ? `You attacked ${where}` : `Your planet at ${where} was attacked by ${player(num(p, 'attacker_user_id'), ctx)}`}: ${result}.${lootText}`,
        more:
          reportId !== undefined
            ? { href: ctx.link(`/reports/battle/${reportId}`), label: 'Battle report' }
            : undefined,
      };
    }
    case 'espionage_report':
      return {
        title: 'Espionage report',
        text: `Your probes reported on ${coords(p, 'location') ?? 'a planet'}.`,
        more:
          reportId !== undefined
            ? { href: ctx.link(`/reports/espionage/${reportId}`), label: 'Espionage report' }
            : undefined,
      };
    case 'espionage_detected':
      return {
        title: 'Espionage detected',
        text: `Your planet at ${coords(p, 'location') ?? '?'} was spied on by ${player(num(p, 'spy_user_id'), ctx)}.`,
        more:
          reportId !== undefined
            ? { href: ctx.link(`/reports/espionage/${reportId}`), label: 'What they saw' }
            : undefined,
      };
    case 'colony_founded':
      return {
        title: 'Colony founded',
        text: `A new colony, ${str(p, 'name') ?? 'Colony'}, was founded at ${coords(p, 'position') ?? '?'}.`,
      };
    case 'colonization_failed':
      return {
        title: 'Colonization failed',
        text: `The colony ship could not settle at ${coords(p, 'target') ?? '?'}${str(p, 'reason') ? `: ${str(p, 'reason')}` : ''}. The fleet is flying home.`,
      };
    case 'trade_completed':
      return {
        title: 'Trade completed',
        text: `Offer #${num(p, 'offer_id') ?? '?'} was accepted by ${player(num(p, 'buyer_user_id'), ctx)}: you sold ${lot(p, 'sold') ?? '?'} and received ${lot(p, 'received') ?? '?'}${num(p, 'fee') ? ` (after a fee of ${formatNumber(num(p, 'fee') ?? 0)})` : ''}.`,
      };
    case 'offer_expired':
      return {
        title: 'Offer expired',
        text: `Offer #${num(p, 'offer_id') ?? '?'} expired unsold; ${lot(p, 'refunded') ?? 'its goods'} returned to you.`,
      };
    case 'account_inactive': {
      const after = str(p, 'deletion_after');
      return {
        title: 'Account inactive',
        text: `Your account was marked inactive${after ? `; it will be deleted after ${formatTime(after)} unless you play` : ''}.`,
      };
    }
    case 'fleet_arrived':
    case 'fleet_returned':
      return {
        title: humanize(n.type),
        text: `Your fleet ${n.type === 'fleet_returned' ? 'returned to' : 'arrived at'} ${coords(p, 'target') ?? coords(p, 'origin') ?? planetOf(p, ctx)}.`,
      };
    default: {
      const facts = keyFacts(p);
      return { title: humanize(n.type), text: facts ? `${facts}.` : '' };
    }
  }
}
