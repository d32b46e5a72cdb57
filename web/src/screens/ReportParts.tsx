import type { Schemas } from '@ogame-like/sdk';
import { formatDecimal, formatNumber } from '../lib/format';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';
import './Reports.css';

// Pieces shared by the battle report and the battle simulator: both show a BattleOutcome.

export type Counts = Record<string, number>;
export type RoundSummary = Schemas['BattleOutcome']['round_summaries'][number];
export type Winner = Schemas['BattleOutcome']['winner'];

/** The outcome of a battle from this player's side. */
export function outcomeFor(
  report: Schemas['BattleReport'],
  userId: number,
): 'won' | 'lost' | 'draw' {
  if (report.outcome.winner === 'draw') return 'draw';
  const mine = report.attacker_user_id === userId ? 'attacker' : 'defender';
  return report.outcome.winner === mine ? 'won' : 'lost';
}

/** A count that may be a mean over several runs (`12.5`), else whole (`1,234`). */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? formatNumber(value) : formatDecimal(value);
}

export const WINNER_TEXT: Record<Winner, string> = {
  attacker: 'Attacker',
  defender: 'Defender',
  draw: 'Draw',
};

/** `metal 1,000 · crystal 500 · deuterium 0`, or `none` when everything is zero. */
export function Amounts({ amounts, none = 'none' }: { amounts: Resources; none?: string }) {
  const total = RESOURCE_KINDS.reduce((sum, kind) => sum + amounts[kind], 0);
  if (total <= 0) return <span class="muted">{none}</span>;
  return (
    <span class="cost">
      {RESOURCE_KINDS.map((kind) => (
        <span key={kind} class={`res res-${kind}`}>
          <span class="res-label">{kind}</span> {formatCount(amounts[kind])}
        </span>
      ))}
    </span>
  );
}

const sumOf = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * One side's units before and after a battle, type by type. `order` lists the ruleset's types
 * in catalog order so the rows do not jump around; types outside it come last.
 */
export function ForcesTable({
  label,
  before,
  lost,
  remaining,
  repaired,
  nameOf,
  order,
}: {
  label: string;
  before: Counts;
  lost: Counts;
  remaining: Counts;
  repaired?: Counts;
  nameOf: (type: string) => string;
  order: readonly string[];
}) {
  const present = new Set(
    [before, lost, remaining, repaired ?? {}].flatMap((c) =>
      Object.keys(c).filter((type) => (c[type] ?? 0) > 0),
    ),
  );
  const types = [
    ...order.filter((type) => present.has(type)),
    ...[...present].filter((type) => !order.includes(type)).sort(),
  ];
  const showRepaired = repaired !== undefined && sumOf(repaired) > 0;
  if (types.length === 0) return <p class="empty">No units.</p>;
  return (
    <div class="table-wrap">
      <table class="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col" class="num">
              Before
            </th>
            <th scope="col" class="num">
              Lost
            </th>
            {showRepaired ? (
              <th scope="col" class="num">
                Repaired
              </th>
            ) : null}
            <th scope="col" class="num">
              Remaining
            </th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type}>
              <th scope="row">{nameOf(type)}</th>
              <td class="num">{formatCount(before[type] ?? 0)}</td>
              <td class={`num ${(lost[type] ?? 0) > 0 ? 'report-loss' : ''}`}>
                {formatCount(lost[type] ?? 0)}
              </td>
              {showRepaired ? <td class="num">{formatCount(repaired?.[type] ?? 0)}</td> : null}
              <td class="num">{formatCount(remaining[type] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td class="num">{formatCount(sumOf(before))}</td>
            <td class="num">{formatCount(sumOf(lost))}</td>
            {showRepaired ? <td class="num">{formatCount(sumOf(repaired ?? {}))}</td> : null}
            <td class="num">{formatCount(sumOf(remaining))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Units before the battle: what survived plus what was lost for good (repairs are survivors). */
export function forcesBefore(lost: Counts, remaining: Counts): Counts {
  const out: Counts = { ...remaining };
  for (const [type, count] of Object.entries(lost)) out[type] = (out[type] ?? 0) + count;
  return out;
}

const SIDES = ['attacker', 'defender'] as const;
const SIDE_TEXT = { attacker: 'Attacker', defender: 'Defender' } as const;

/** The round-by-round table: per side its shots, damage dealt and absorbed, losses, survivors. */
export function RoundsTable({ rounds }: { rounds: readonly RoundSummary[] }) {
  if (rounds.length === 0) return <p class="empty">No round was fought.</p>;
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="table rounds-table" aria-label="Rounds">
        <thead>
          <tr>
            <td />
            {SIDES.map((side) => (
              <th key={side} scope="colgroup" colSpan={5} class={`rounds-side rounds-${side}`}>
                {SIDE_TEXT[side]}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">Round</th>
            {SIDES.map((side) => [
              <th key={`${side}-shots`} scope="col" class={`num rounds-${side}`}>
                Shots
              </th>,
              <th key={`${side}-dealt`} scope="col" class="num">
                Damage
              </th>,
              <th key={`${side}-absorbed`} scope="col" class="num">
                Absorbed
              </th>,
              <th key={`${side}-lost`} scope="col" class="num">
                Lost
              </th>,
              <th key={`${side}-left`} scope="col" class="num">
                Remaining
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => (
            <tr key={round.round}>
              <th scope="row">{round.round}</th>
              {SIDES.map((side) => {
                const s = round[side];
                return [
                  <td key={`${side}-shots`} class={`num rounds-${side}`}>
                    {formatNumber(s.shots)}
                  </td>,
                  <td key={`${side}-dealt`} class="num">
                    {formatNumber(s.damage_dealt)}
                  </td>,
                  <td key={`${side}-absorbed`} class="num">
                    {formatNumber(s.damage_absorbed)}
                  </td>,
                  <td key={`${side}-lost`} class={`num ${s.units_lost > 0 ? 'report-loss' : ''}`}>
                    {formatNumber(s.units_lost)}
                  </td>,
                  <td key={`${side}-left`} class="num">
                    {formatNumber(s.units_remaining)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Newer / Older buttons over a newest-first list read `size` items at a time. */
export function Pager({
  offset,
  count,
  size,
  onChange,
}: {
  offset: number;
  count: number;
  size: number;
  onChange: (offset: number) => void;
}) {
  if (offset === 0 && count < size) return null;
  return (
    <nav class="actions report-pager" aria-label="Pages">
      <button
        type="button"
        class="ghost small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - size))}
      >
        Newer
      </button>
      <span class="muted">{count > 0 ? `${offset + 1}–${offset + count}` : 'no more'}</span>
      <button
        type="button"
        class="ghost small"
        disabled={count < size}
        onClick={() => onChange(offset + size)}
      >
        Older
      </button>
    </nav>
  );
}
