import { ok, type paths, type Schemas } from '@ogame-like/sdk';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Empty, ErrorText, Fact, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatDecimal, formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction } from '../lib/load';
import { RESOURCE_KINDS } from '../lib/resources';
import {
  Amounts,
  forcesBefore,
  ForcesTable,
  formatCount,
  RoundsTable,
  WINNER_TEXT,
  type Counts,
} from './ReportParts';
import './Simulator.css';

type UnitDef = Schemas['UnitDef'];
type Result = Schemas['SimulationResult'];
type Body = paths['/simulate/battle']['post']['requestBody']['content']['application/json'];

/** What the player typed, as typed (an input may be empty). */
type Inputs = Record<string, string>;

interface Sent {
  body: Body;
  result: Result;
}

const MAX_UNITS = 2_000_000;
const MAX_TECH = 100;
const MAX_RUNS = 100;

/** The counts above zero of the inputs, as whole numbers (the server checks the ranges). */
function countsOf(inputs: Inputs): Counts {
  const out: Counts = {};
  for (const [type, text] of Object.entries(inputs)) {
    const value = Number(text);
    if (text.trim() !== '' && value !== 0) out[type] = value;
  }
  return out;
}

const inputsOf = (counts: Record<string, number> | null | undefined, only?: readonly string[]) => {
  const out: Inputs = {};
  for (const [type, count] of Object.entries(counts ?? {})) {
    if (count >= 1 && (!only || only.includes(type))) out[type] = String(Math.floor(count));
  }
  return out;
};

/** Battles on paper: any fleet against any planet, with the server's own combat engine. */
export function Simulator() {
  const { rules, snapshot, userId } = useGame();
  const { query } = useLocation();
  const [attackerShips, setAttackerShips] = useState<Inputs>({});
  const [attackerTechs, setAttackerTechs] = useState<Inputs>({});
  const [defenderShips, setDefenderShips] = useState<Inputs>({});
  const [defenderDefenses, setDefenderDefenses] = useState<Inputs>({});
  const [defenderTechs, setDefenderTechs] = useState<Inputs>({});
  const [defenderResources, setDefenderResources] = useState<Inputs>({});
  const [runs, setRuns] = useState('1');
  const [seed, setSeed] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);

  // ?espionage=<report id>: the defender as the probes saw it.
  const fromReport = query.espionage ? Number(query.espionage) : undefined;
  const [reportError, setReportError] = useState<string | null>(null);
  useEffect(() => {
    if (!fromReport) return;
    let live = true;
    ok(
      api.GET('/player/{user_id}/espionage-reports/{report_id}', {
        params: { path: { user_id: userId, report_id: fromReport } },
      }),
    ).then(
      (report) => {
        if (!live) return;
        const snap = report.snapshot;
        setDefenderShips(inputsOf(snap.fleet));
        setDefenderDefenses(inputsOf(snap.defenses));
        setDefenderTechs(inputsOf(snap.research));
        setDefenderResources(inputsOf(snap.resources));
        setFilledFrom(`${snap.planet.name} ${formatCoords(report.location)}`);
        setReportError(null);
      },
      (failure: unknown) => {
        if (live) setReportError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [fromReport, userId]);

  const simulate = useAction(async () => {
    const runCount = runs.trim() === '' ? 1 : Number(runs);
    const body: Body = {
      attacker: { ships: countsOf(attackerShips), techs: countsOf(attackerTechs) },
      defender: {
        ships: countsOf(defenderShips),
        defenses: countsOf(defenderDefenses),
        techs: countsOf(defenderTechs),
        resources: countsOf(defenderResources),
      },
      runs: runCount,
      ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
    };
    const result = await ok(api.POST('/simulate/battle', { body }));
    setSent({ body, result });
  });

  if (!rules)
    return (
      <Screen title="Simulator">
        <Loading />
      </Screen>
    );

  // Ships without a drive (satellites, crawlers) never leave their planet: they only defend.
  const attackers = rules.units.ship.filter(
    (u) => u.stats?.speed === undefined || u.stats.speed > 0,
  );
  const attackerTypes = attackers.map((u) => u.type);
  const snap = snapshot.data;
  const shipStatsFormula = rules.formulas.shipStats;

  return (
    <Screen title="Simulator">
      <p class="muted">
        Try a battle before you fight it: the server runs its own combat engine on these forces.
        Nothing in the game changes.
      </p>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          void simulate.run();
        }}
      >
        <div class="sim-sides">
          <fieldset class="card sim-side">
            <legend>Attacker</legend>
            <div class="actions">
              <button
                type="button"
                class="small"
                disabled={!snap}
                onClick={() => snap && setAttackerShips(inputsOf(snap.fleet, attackerTypes))}
              >
                Fill with my fleet
              </button>
              <button
                type="button"
                class="small"
                disabled={!snap}
                onClick={() => snap && setAttackerTechs(inputsOf(snap.research))}
              >
                Use my research
              </button>
              <button
                type="button"
                class="small ghost"
                onClick={() => {
                  setAttackerShips({});
                  setAttackerTechs({});
                }}
              >
                Clear
              </button>
            </div>
            <UnitInputs
              legend="Ships"
              units={attackers}
              values={attackerShips}
              onChange={setAttackerShips}
              max={MAX_UNITS}
              idPrefix="att-ship"
            />
            <TechInputs
              units={rules.units.research}
              values={attackerTechs}
              onChange={setAttackerTechs}
              idPrefix="att-tech"
              formula={shipStatsFormula}
            />
          </fieldset>

          <fieldset class="card sim-side">
            <legend>Defender</legend>
            {filledFrom ? (
              <p class="success">Filled from the espionage report of {filledFrom}.</p>
            ) : null}
            <ErrorText error={reportError} />
            <div class="actions">
              <button
                type="button"
                class="small"
                disabled={!snap}
                onClick={() => {
                  if (!snap) return;
                  setDefenderShips(inputsOf(snap.fleet));
                  setDefenderDefenses(inputsOf(snap.defenses));
                  setDefenderTechs(inputsOf(snap.research));
                  setDefenderResources(inputsOf(snap.resources));
                  setFilledFrom(null);
                }}
              >
                Fill with my planet
              </button>
              <button
                type="button"
                class="small ghost"
                onClick={() => {
                  setDefenderShips({});
                  setDefenderDefenses({});
                  setDefenderTechs({});
                  setDefenderResources({});
                  setFilledFrom(null);
                }}
              >
                Clear
              </button>
            </div>
            <UnitInputs
              legend="Ships"
              units={rules.units.ship}
              values={defenderShips}
              onChange={setDefenderShips}
              max={MAX_UNITS}
              idPrefix="def-ship"
            />
            {rules.units.defense.length > 0 ? (
              <UnitInputs
                legend="Defenses"
                units={rules.units.defense}
                values={defenderDefenses}
                onChange={setDefenderDefenses}
                max={MAX_UNITS}
                idPrefix="def-defense"
              />
            ) : (
              <fieldset class="sim-group">
                <legend>Defenses</legend>
                <Empty>This ruleset has no defenses.</Empty>
              </fieldset>
            )}
            <TechInputs
              units={rules.units.research}
              values={defenderTechs}
              onChange={setDefenderTechs}
              idPrefix="def-tech"
              formula={shipStatsFormula}
            />
            <fieldset class="sim-group">
              <legend>Resources on the planet (for the loot)</legend>
              <div class="sim-inputs">
                {RESOURCE_KINDS.map((kind) => (
                  <label key={kind} class={`res-${kind}`}>
                    <span class="res-label">{kind}</span>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      value={defenderResources[kind] ?? ''}
                      placeholder="0"
                      onInput={(event) =>
                        setDefenderResources({
                          ...defenderResources,
                          [kind]: (event.currentTarget as HTMLInputElement).value,
                        })
                      }
                    />
                  </label>
                ))}
              </div>
            </fieldset>
          </fieldset>
        </div>

        <div class="card row sim-run">
          <label>
            Runs
            <input
              type="number"
              min={1}
              max={MAX_RUNS}
              step={1}
              inputMode="numeric"
              value={runs}
              onInput={(event) => setRuns((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            Seed (optional)
            <input
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={seed}
              placeholder="random"
              onInput={(event) => setSeed((event.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="primary" disabled={simulate.pending}>
            {simulate.pending ? 'Simulating…' : 'Simulate'}
          </button>
        </div>
        <ErrorText error={simulate.error} />
      </form>

      <section class="sim-result" aria-labelledby="sim-result-title" aria-live="polite">
        {sent ? <ResultView sent={sent} /> : null}
      </section>
    </Screen>
  );
}

function UnitInputs({
  legend,
  units,
  values,
  onChange,
  max,
  idPrefix,
}: {
  legend: string;
  units: readonly UnitDef[];
  values: Inputs;
  onChange: (next: Inputs) => void;
  max: number;
  idPrefix: string;
}) {
  return (
    <fieldset class="sim-group">
      <legend>{legend}</legend>
      {units.length === 0 ? (
        <Empty>None in this ruleset.</Empty>
      ) : (
        <div class="sim-inputs">
          {units.map((unit) => (
            <label key={unit.type}>
              {unit.name}
              <input
                id={`${idPrefix}-${unit.type}`}
                type="number"
                min={0}
                max={max}
                step={1}
                inputMode="numeric"
                placeholder="0"
                value={values[unit.type] ?? ''}
                onInput={(event) =>
                  onChange({
                    ...values,
                    [unit.type]: (event.currentTarget as HTMLInputElement).value,
                  })
                }
              />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Every technology of the ruleset, folded away: only some change combat (see the formula). */
function TechInputs({
  units,
  values,
  onChange,
  idPrefix,
  formula,
}: {
  units: readonly UnitDef[];
  values: Inputs;
  onChange: (next: Inputs) => void;
  idPrefix: string;
  formula: string | undefined;
}) {
  const set = Object.values(countsOf(values)).filter((n) => n > 0).length;
  return (
    <details class="sim-techs">
      <summary>Technologies{set > 0 ? ` (${set} set)` : ''}</summary>
      {formula ? <p class="muted sim-formula">Ship stats: {formula}</p> : null}
      <UnitInputs
        legend="Technology levels"
        units={units}
        values={values}
        onChange={onChange}
        max={MAX_TECH}
        idPrefix={idPrefix}
      />
    </details>
  );
}

function ResultView({ sent }: { sent: Sent }) {
  const { nameOf, rules } = useGame();
  const { body, result } = sent;
  const order = rules ? [...rules.units.ship, ...rules.units.defense].map((u) => u.type) : [];
  const attackerBefore = body.attacker.ships;
  const defenderBefore = { ...body.defender.ships, ...body.defender.defenses };
  const single = 'round_summaries' in result ? result : null;
  const averaged = 'wins' in result ? result : null;
  const mean = averaged ? ' (mean)' : '';

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
        <Fact label="Attacker power">
          {formatNumber(result.attacker_power)} → {formatNumber(result.attacker_remaining_power)}
        </Fact>
        <Fact label="Defender power">
          {formatNumber(result.defender_power)} → {formatNumber(result.defender_remaining_power)}
        </Fact>
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
        <div>
          <h3>Attacker{mean}</h3>
          <ForcesTable
            label="Attacker losses"
            before={
              single
                ? forcesBefore(single.attacker_losses, single.attacker_remaining)
                : attackerBefore
            }
            lost={result.attacker_losses}
            remaining={result.attacker_remaining}
            nameOf={nameOf}
            order={order}
          />
        </div>
        <div>
          <h3>Defender{mean}</h3>
          <ForcesTable
            label="Defender losses"
            before={
              single
                ? forcesBefore(single.defender_losses, single.defender_remaining)
                : defenderBefore
            }
            lost={result.defender_losses}
            remaining={result.defender_remaining}
            repaired={single?.defender_repaired}
            nameOf={nameOf}
            order={order}
          />
        </div>
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
