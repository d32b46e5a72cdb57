import { ok, type Schemas } from '@ogame-like/sdk';
import { Fact } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatDecimal, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useLoad } from '../lib/load';
import {
  Amounts,
  ForcesTable,
  forcesOf,
  outcomeFor,
  PowerFacts,
  ReportScreen,
  RoundsTable,
  SIDE_TEXT,
  SIDES,
  sumOf,
  WINNER_TEXT,
} from './ReportParts';

type BattleReport = Schemas['BattleReport'];

/** One battle report: who fought where, the forces, every round, and what it left. */
export function BattleReportView({ id }: { id: number }) {
  const { userId, link } = useGame();
  const report = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/battle-reports/{report_id}', {
          params: { path: { user_id: userId, report_id: id } },
        }),
      ),
    [userId, id],
  );
  return (
    <ReportScreen title="Battle report" back={link('/reports')} report={report}>
      {(data) => <BattleBody data={data} />}
    </ReportScreen>
  );
}

function BattleBody({ data }: { data: BattleReport }) {
  const { userId, nameOf } = useGame();
  const o = data.outcome;
  const you = (player: number) =>
    player === userId
      ? 'You'
      : ((player === data.attacker_user_id ? data.attacker_name : data.defender_name) ??
        `Player #${player}`);
  const outcome = outcomeFor(data, userId);
  const attacked = data.attacker_user_id === userId;
  const mySide = attacked ? 'attacker' : 'defender';
  const repaired = Object.entries(o.defender_repaired).filter(([, n]) => n > 0);
  return (
    <>
      <div class="report-grid">
        <article class="card">
          <h2>
            Battle at {formatCoords(data.location)}{' '}
            <span class={`tag outcome outcome-${outcome}`}>
              {outcome === 'won' ? 'You won' : outcome === 'lost' ? 'You lost' : 'Draw'}
            </span>
          </h2>
          <dl class="facts">
            <Fact label="Location">{formatCoords(data.location)}</Fact>
            <Fact label="Time">
              <time dateTime={data.created_at}>{formatTime(data.created_at)}</time>
            </Fact>
            <Fact label="Winner">
              {WINNER_TEXT[o.winner]}
              {o.winner === mySide ? ' (you)' : ''}
            </Fact>
            <Fact label="Rounds">{formatNumber(o.rounds)}</Fact>
            <Fact label="Attacker">{you(data.attacker_user_id)}</Fact>
            <Fact label="Defender">{you(data.defender_user_id)}</Fact>
            <PowerFacts outcome={o} />
          </dl>
        </article>

        <article class="card">
          <h2>Aftermath</h2>
          <dl class="facts">
            <Fact label={attacked ? 'Loot' : 'Resources plundered'}>
              <Amounts amounts={o.loot} />
            </Fact>
            <Fact label="Debris field">
              <Amounts amounts={o.debris} />
            </Fact>
            <Fact label="Moon chance">{formatDecimal(o.moon_chance)} %</Fact>
            <Fact label="Defenses repaired">
              {repaired.length === 0 ? (
                <span class="muted">none</span>
              ) : (
                repaired.map(([type, n]) => `${formatNumber(n)} × ${nameOf(type)}`).join(', ')
              )}
            </Fact>
            <Fact label="Units lost">
              attacker {formatNumber(sumOf(o.attacker_losses))}, defender{' '}
              {formatNumber(sumOf(o.defender_losses))}
            </Fact>
            <Fact label="Seed">{o.seed}</Fact>
          </dl>
        </article>

        {SIDES.map((side) => (
          <article key={side} class="card">
            <h2>
              {SIDE_TEXT[side]}
              {side === mySide ? ' (you)' : ''}
            </h2>
            <ForcesTable label={`${SIDE_TEXT[side]} forces`} {...forcesOf(o, side)} />
          </article>
        ))}
      </div>

      <article class="card report-rounds">
        <h2>Round by round</h2>
        <RoundsTable rounds={o.round_summaries} />
      </article>
    </>
  );
}
