import type { Schemas } from '@ogame-like/sdk';
import type { ComponentChildren } from 'preact';
import { ErrorText, Fact, Loading, Screen } from '../components/bits';
import { formatDecimal, formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import type { Loaded } from '../lib/load';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';
import './Reports.css';

// Pieces shared by the battle report and the battle simulator: both show a BattleOutcome.

export type Counts = Record<string, number>;
export type RoundSummary = Schemas['BattleOutcome']['round_summaries'][number];
export type Winner = Schemas['BattleOutcome']['winner'];

/** One report's screen, with its way back to the list: loading, its error, else the report. */
export function ReportScreen<T>({
  title,
  back,
  report,
  children,
}: {
  title: string;
  /** The list this report belongs to. */
  back: string;
  report: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  const actions = (
    <a href={back} class="button">
      All reports
    </a>
  );
  return (
    <Screen title={title} actions={actions}>
      {report.data !== undefined ? (
        children(report.data)
      ) : report.error ? (
        <ErrorText error={report.error} />
      ) : (
        <Loading />
      )}
    </Screen>
  );
}

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

export const SIDES = ['attacker', 'defender'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_TEXT: Record<Side, string> = { attacker: 'Attacker', defender: 'Defender' };

/** Each side's losses and survivors, as a battle report's outcome tells them. */
export type SideOutcome = Pick<
  Schemas['BattleOutcome'],
  | 'attacker_losses'
  | 'attacker_remaining'
  | 'defender_losses'
  | 'defender_remaining'
  | 'defender_repaired'
>;

/** Each side's power, as a battle report and a simulation (one run or many) tell it. */
export type SidePowers = Pick<
  Schemas['BattleOutcome'],
  'attacker_power' | 'attacker_remaining_power' | 'defender_power' | 'defender_remaining_power'
>;

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

/** How many units a count of types adds up to. */
export const sumOf = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The types present, in the ruleset's order (`order`) so that rows do not jump around from one
 * report to the next; types outside it come last, alphabetically.
 */
export function inCatalogOrder(present: Iterable<string>, order: readonly string[]): string[] {
  const set = new Set(present);
  return [
    ...order.filter((type) => set.has(type)),
    ...[...set].filter((type) => !order.includes(type)).sort(),
  ];
}

/** One side's units around a battle. */
export interface Forces {
  before: Counts;
  lost: Counts;
  remaining: Counts;
  /** Defenses rebuilt after the battle (the defender's only). */
  repaired?: Counts;
}

/** A side's forces in an outcome: before the battle is what survived plus what was lost. */
export function forcesOf(outcome: SideOutcome, side: Side): Forces {
  const lost = outcome[`${side}_losses`];
  const remaining = outcome[`${side}_remaining`];
  return {
    before: forcesBefore(lost, remaining),
    lost,
    remaining,
    repaired: side === 'defender' ? outcome.defender_repaired : undefined,
  };
}

/** Each side's fighting power before and after (`1,200 → 300`). */
export function PowerFacts({ outcome }: { outcome: SidePowers }) {
  return (
    <>
      {SIDES.map((side) => (
        <Fact key={side} label={`${SIDE_TEXT[side]} power`}>
          {formatNumber(outcome[`${side}_power`])} →{' '}
          {formatNumber(outcome[`${side}_remaining_power`])}
        </Fact>
      ))}
    </>
  );
}

/** One side's units before and after a battle, type by type, in the ruleset's order. */
export function ForcesTable({
  label,
  before,
  lost,
  remaining,
  repaired,
}: { label: string } & Forces) {
  const { nameOf, rules } = useGame();
  const order = rules ? [...rules.units.ship, ...rules.units.defense].map((u) => u.type) : [];
  const types = inCatalogOrder(
    [before, lost, remaining, repaired ?? {}].flatMap((c) =>
      Object.keys(c).filter((type) => (c[type] ?? 0) > 0),
    ),
    order,
  );
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

type RoundSide = RoundSummary['attacker'];

/** A side's columns of the rounds table, left to right. */
const ROUND_COLUMNS: { key: keyof RoundSide; label: string }[] = [
  { key: 'shots', label: 'Shots' },
  { key: 'damage_dealt', label: 'Damage' },
  { key: 'damage_absorbed', label: 'Absorbed' },
  { key: 'units_lost', label: 'Lost' },
  { key: 'units_remaining', label: 'Remaining' },
];

/** A cell's classes: a side's first column carries its colour, losses are marked. */
function roundCellClass(side: Side, key: keyof RoundSide, value?: number): string {
  if (key === 'shots') return `num rounds-${side}`;
  if (key === 'units_lost' && value !== undefined && value > 0) return 'num report-loss';
  return 'num';
}

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
              <th
                key={side}
                scope="colgroup"
                colSpan={ROUND_COLUMNS.length}
                class={`rounds-side rounds-${side}`}
              >
                {SIDE_TEXT[side]}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">Round</th>
            {SIDES.map((side) =>
              ROUND_COLUMNS.map(({ key, label }) => (
                <th key={`${side}-${key}`} scope="col" class={roundCellClass(side, key)}>
                  {label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => (
            <tr key={round.round}>
              <th scope="row">{round.round}</th>
              {SIDES.map((side) =>
                ROUND_COLUMNS.map(({ key }) => (
                  <td key={`${side}-${key}`} class={roundCellClass(side, key, round[side][key])}>
                    {formatNumber(round[side][key])}
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
