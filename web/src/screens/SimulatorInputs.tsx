import type { Schemas } from '@ogame-like/sdk';
import { Empty } from '../components/bits';
import { useGame } from '../lib/game';
import { RESOURCE_KINDS } from '../lib/resources';
import type { Counts } from './ReportParts';

// The simulator's fields: counts of units, technology levels and resources, as typed.

type UnitDef = Schemas['UnitDef'];

/** What the player typed, as typed (an input may be empty). */
export type Inputs = Record<string, string>;

/** The counts above zero of the inputs, as whole numbers (the server checks the ranges). */
export function countsOf(inputs: Inputs): Counts {
  const out: Counts = {};
  for (const [type, text] of Object.entries(inputs)) {
    const value = Number(text);
    if (text.trim() !== '' && value !== 0) out[type] = value;
  }
  return out;
}

/** Counts (a planet's, a report's) as the fields' text; `only` keeps those types alone. */
export function inputsOf(
  counts: Record<string, number> | null | undefined,
  only?: readonly string[],
): Inputs {
  const out: Inputs = {};
  for (const [type, count] of Object.entries(counts ?? {})) {
    if (count >= 1 && (!only || only.includes(type))) out[type] = String(Math.floor(count));
  }
  return out;
}

/** One number field per unit of the list, under a legend. */
export function UnitInputs({
  legend,
  units,
  values,
  onChange,
  idPrefix,
  none = 'None in this ruleset.',
}: {
  legend: string;
  units: readonly UnitDef[];
  values: Inputs;
  onChange: (next: Inputs) => void;
  idPrefix: string;
  /** Said when the ruleset has no such unit. */
  none?: string;
}) {
  return (
    <fieldset class="sim-group">
      <legend>{legend}</legend>
      {units.length === 0 ? (
        <Empty>{none}</Empty>
      ) : (
        <div class="sim-inputs">
          {units.map((unit) => (
            <label key={unit.type}>
              {unit.name}
              <input
                id={`${idPrefix}-${unit.type}`}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                placeholder="0"
                value={values[unit.type] ?? ''}
                onInput={(event) => onChange({ ...values, [unit.type]: event.currentTarget.value })}
              />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Every technology of the ruleset, folded away: only some change combat (see the formula). */
export function TechInputs({
  values,
  onChange,
  idPrefix,
}: {
  values: Inputs;
  onChange: (next: Inputs) => void;
  idPrefix: string;
}) {
  const { rules } = useGame();
  const formula = rules?.formulas.shipStats;
  const set = Object.values(countsOf(values)).filter((n) => n > 0).length;
  return (
    <details class="sim-techs">
      <summary>Technologies{set > 0 ? ` (${set} set)` : ''}</summary>
      {formula ? <p class="muted sim-formula">Ship stats: {formula}</p> : null}
      <UnitInputs
        legend="Technology levels"
        units={rules?.units.research ?? []}
        values={values}
        onChange={onChange}
        idPrefix={idPrefix}
      />
    </details>
  );
}

/** The resources on the defender's planet, for the loot. */
export function ResourceInputs({
  values,
  onChange,
}: {
  values: Inputs;
  onChange: (next: Inputs) => void;
}) {
  return (
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
              value={values[kind] ?? ''}
              placeholder="0"
              onInput={(event) => onChange({ ...values, [kind]: event.currentTarget.value })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
