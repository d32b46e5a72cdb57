import { ok } from '@ogame-like/sdk';
import { ErrorText, Fact, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatDecimal, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useLoad } from '../lib/load';
import {
  Amounts,
  forcesBefore,
  ForcesTable,
  RoundsTable,
  WINNER_TEXT,
  outcomeFor,
  type Counts,
} from './ReportParts';

const sum = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** One battle report: who fought where, the forces, every round, and what it left. */
export function BattleReportView({ id }: { id: number }) {
  const { userId, link, nameOf, rules } = useGame();
  const report = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/battle-reports/{report_id}', {
          params: { path: { user_id: userId, report_id: id } },
        }),
      ),
    [userId, id],
  );
  const back = (
    <a href={link('/reports')} class="button">
      All reports
    </a>
  );
  const data = report.data;
  if (!data)
    return (
      <Screen title="Battle report" actions={back}>
        {report.error ? <ErrorText error={report.error} /> : <Loading />}
      </Screen>
    );

  const o = data.outcome;
  const order = rules ? [...rules.units.ship, ...rules.units.defense].map((u) => u.type) : [];
  const you = (player: number) =>
    player === userId
      ? 'You'
      : ((player === data.attacker_user_id ? data.attacker_name : data.defender_name) ??
        `Player #${player}`);
  const outcome = outcomeFor(data, userId);
  const attacked = data.attacker_user_id === userId;
  const repaired = Object.entries(o.defender_repaired).filter(([, n]) => n > 0);

  return (
    <Screen title="Battle report" actions={back}>
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
              {o.winner === 'attacker' && attacked ? ' (you)' : ''}
              {o.winner === 'defender' && !attacked ? ' (you)' : ''}
            </Fact>
            <Fact label="Rounds">{formatNumber(o.rounds)}</Fact>
            <Fact label="Attacker">{you(data.attacker_user_id)}</Fact>
            <Fact label="Defender">{you(data.defender_user_id)}</Fact>
            <Fact label="Attacker power">
              {formatNumber(o.attacker_power)} → {formatNumber(o.attacker_remaining_power)}
            </Fact>
            <Fact label="Defender power">
              {formatNumber(o.defender_power)} → {formatNumber(o.defender_remaining_power)}
            </Fact>
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
              attacker {formatNumber(sum(o.attacker_losses))}, defender{' '}
              {formatNumber(sum(o.defender_losses))}
            </Fact>
            <Fact label="Seed">{o.seed}</Fact>
          </dl>
        </article>

        <article class="card">
          <h2>Attacker{attacked ? ' (you)' : ''}</h2>
          <ForcesTable
            label="Attacker forces"
            before={forcesBefore(o.attacker_losses, o.attacker_remaining)}
            lost={o.attacker_losses}
            remaining={o.attacker_remaining}
            nameOf={nameOf}
            order={order}
          />
        </article>

        <article class="card">
          <h2>Defender{attacked ? '' : ' (you)'}</h2>
          <ForcesTable
            label="Defender forces"
            before={forcesBefore(o.defender_losses, o.defender_remaining)}
            lost={o.defender_losses}
            remaining={o.defender_remaining}
            repaired={o.defender_repaired}
            nameOf={nameOf}
            order={order}
          />
        </article>
      </div>

      <article class="card report-rounds">
        <h2>Round by round</h2>
        <RoundsTable rounds={o.round_summaries} />
      </article>
    </Screen>
  );
}
