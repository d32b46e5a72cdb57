import { ok } from '@ogame-like/sdk';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorText, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords } from '../lib/format';
import { useGame } from '../lib/game';
import { errorText, useAction } from '../lib/load';
import {
  countsOf,
  inputsOf,
  ResourceInputs,
  TechInputs,
  UnitInputs,
  type Inputs,
} from './SimulatorInputs';
import { SimulationResult, type SimulationBody, type Simulated } from './SimulatorResult';
import './Simulator.css';

interface Attacker {
  ships: Inputs;
  techs: Inputs;
}

interface Defender {
  ships: Inputs;
  defenses: Inputs;
  techs: Inputs;
  resources: Inputs;
}

const NO_ATTACKER: Attacker = { ships: {}, techs: {} };
const NO_DEFENDER: Defender = { ships: {}, defenses: {}, techs: {}, resources: {} };

/** What a planet holds (the player's own, or one an espionage report saw) as a defender. */
interface PlanetHoldings {
  fleet: Record<string, number> | null;
  defenses: Record<string, number> | null;
  research: Record<string, number> | null;
  resources: Record<string, number> | null;
}

const defenderOf = (planet: PlanetHoldings): Defender => ({
  ships: inputsOf(planet.fleet),
  defenses: inputsOf(planet.defenses),
  techs: inputsOf(planet.research),
  resources: inputsOf(planet.resources),
});

/** Battles on paper: any fleet against any planet, with the server's own combat engine. */
export function Simulator() {
  const { rules, snapshot, userId } = useGame();
  const { query } = useLocation();
  const [attacker, setAttacker] = useState<Attacker>(NO_ATTACKER);
  const [defender, setDefender] = useState<Defender>(NO_DEFENDER);
  const [runs, setRuns] = useState('1');
  const [seed, setSeed] = useState('');
  const [sent, setSent] = useState<Simulated | null>(null);
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
        setDefender(defenderOf(report.snapshot));
        setFilledFrom(`${report.snapshot.planet.name} ${formatCoords(report.location)}`);
        setReportError(null);
      },
      (failure: unknown) => {
        if (live) setReportError(errorText(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [fromReport, userId]);

  const simulate = useAction(async () => {
    const body: SimulationBody = {
      attacker: { ships: countsOf(attacker.ships), techs: countsOf(attacker.techs) },
      defender: {
        ships: countsOf(defender.ships),
        defenses: countsOf(defender.defenses),
        techs: countsOf(defender.techs),
        resources: countsOf(defender.resources),
      },
      runs: runs.trim() === '' ? 1 : Number(runs),
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
  const setDefenderPart = (part: keyof Defender) => (next: Inputs) =>
    setDefender((d) => ({ ...d, [part]: next }));
  const setAttackerPart = (part: keyof Attacker) => (next: Inputs) =>
    setAttacker((a) => ({ ...a, [part]: next }));

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
                onClick={() =>
                  snap && setAttackerPart('ships')(inputsOf(snap.fleet, attackerTypes))
                }
              >
                Fill with my fleet
              </button>
              <button
                type="button"
                class="small"
                disabled={!snap}
                onClick={() => snap && setAttackerPart('techs')(inputsOf(snap.research))}
              >
                Use my research
              </button>
              <button type="button" class="small ghost" onClick={() => setAttacker(NO_ATTACKER)}>
                Clear
              </button>
            </div>
            <UnitInputs
              legend="Ships"
              units={attackers}
              values={attacker.ships}
              onChange={setAttackerPart('ships')}
              idPrefix="att-ship"
            />
            <TechInputs
              values={attacker.techs}
              onChange={setAttackerPart('techs')}
              idPrefix="att-tech"
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
                  setDefender(defenderOf(snap));
                  setFilledFrom(null);
                }}
              >
                Fill with my planet
              </button>
              <button
                type="button"
                class="small ghost"
                onClick={() => {
                  setDefender(NO_DEFENDER);
                  setFilledFrom(null);
                }}
              >
                Clear
              </button>
            </div>
            <UnitInputs
              legend="Ships"
              units={rules.units.ship}
              values={defender.ships}
              onChange={setDefenderPart('ships')}
              idPrefix="def-ship"
            />
            <UnitInputs
              legend="Defenses"
              units={rules.units.defense}
              values={defender.defenses}
              onChange={setDefenderPart('defenses')}
              idPrefix="def-defense"
              none="This ruleset has no defenses."
            />
            <TechInputs
              values={defender.techs}
              onChange={setDefenderPart('techs')}
              idPrefix="def-tech"
            />
            <ResourceInputs values={defender.resources} onChange={setDefenderPart('resources')} />
          </fieldset>
        </div>

        <div class="card row sim-run">
          <label>
            Runs
            <input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={runs}
              onInput={(event) => setRuns(event.currentTarget.value)}
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
              onInput={(event) => setSeed(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary" disabled={simulate.pending}>
            {simulate.pending ? 'Simulating…' : 'Simulate'}
          </button>
        </div>
        <ErrorText error={simulate.error} />
      </form>

      <section class="sim-result" aria-labelledby="sim-result-title" aria-live="polite">
        {sent ? <SimulationResult sent={sent} /> : null}
      </section>
    </Screen>
  );
}
