import type { paths, Schemas } from '@ogame-like/sdk';
import { Fact } from '../components/bits';
import { formatDecimal, formatNumber } from '../lib/format';
import {
  Amounts,
  ForcesTable,
  forcesOf,
  formatCount,
  PowerFacts,
  RoundsTable,
  SIDE_TEXT,
  SIDES,
  WINNER_TEXT,
} from './ReportParts';

export type SimulationBody =
  paths['/simulate/battle']['post']['requestBody']['content']['application/json'];
type Result = Schemas['SimulationResult'];

/** A simulation asked and its answer. */
export interface Simulated {
  body: SimulationBody;
  result: Result;
}

/** The answer of one battle (round by round) or the means of many (with the wins counted). */
export function SimulationResult({ sent }: { sent: Simulated }) {
  const { body, result } = sent;
  const single = 'round_summaries' in result ? result : null;
  const averaged = 'wins' in result ? result : null;
  const mean = averaged ? ' (mean)' : '';
  // Means carry no "before": the forces sent are.
  const sentForces = {
    attacker: body.attacker.ships,
    defender: { ...body.defender.ships, ...body.defender.defenses },
  };

  return (
    <div class="card">
      <h2 id="sim-result-title">
        Result{averaged ? ` of ${formatNumber(averaged.runs)} battles` : ''}:{' '}
        <span
          class={`tag outcome outcome-${result.winner === 'attacker' ? 'won' : result.winner === 'defender' ? 'lost' : 'draw'}`}
        >
          {result.winner === 'draw' ? 'Draw' : `${WINNER_TEXT[result.winner]} wins`}
        </span>
      </h2>
      <dl class="facts">
        <Fact label="Winner">{WINNER_TEXT[result.winner]}</Fact>
        {averaged ? (
          <Fact label="Wins">
            attacker {averaged.wins.attacker}, defender {averaged.wins.defender}, draw{' '}
            {averaged.wins.draw}
          </Fact>
        ) : null}
        <Fact label={`Rounds${mean}`}>{formatCount(result.rounds)}</Fact>
        <PowerFacts outcome={result} />
        <Fact label={`Loot${mean}`}>
          <Amounts amounts={result.loot} />
        </Fact>
        <Fact label={`Debris field${mean}`}>
          <Amounts amounts={result.debris} />
        </Fact>
        <Fact label={`Moon chance${mean}`}>{formatDecimal(result.moon_chance)} %</Fact>
        <Fact label={averaged ? 'First seed' : 'Seed'}>{result.seed}</Fact>
      </dl>

      <div class="grid two sim-forces">
        {SIDES.map((side) => (
          <div key={side}>
            <h3>
              {SIDE_TEXT[side]}
              {mean}
            </h3>
            <ForcesTable
              label={`${SIDE_TEXT[side]} losses`}
              {...(single
                ? forcesOf(single, side)
                : {
                    before: sentForces[side],
                    lost: result[`${side}_losses`],
                    remaining: result[`${side}_remaining`],
                  })}
            />
          </div>
        ))}
      </div>

      <h3>Round by round</h3>
      {single ? (
        <RoundsTable rounds={single.round_summaries} />
      ) : (
        <p class="muted">
          Rounds are detailed for a single battle: set Runs to 1 (and the seed to {result.seed} to
          replay the first one).
        </p>
      )}
    </div>
  );
}
