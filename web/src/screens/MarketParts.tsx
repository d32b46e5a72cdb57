import type { Schemas } from '@ogame-like/sdk';
import { formatNumber, humanize } from '../lib/format';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';

// What the market's cards share: the server's exchange guide read as rates, and how amounts
// and resource choices are shown.

export type Guidance = Schemas['MarketGuidance'];

export const rateFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
export const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** What one unit of `from` is worth in `to` by the server's exchange ratios (3 : 2 : 1 style). */
export function fairRate(guidance: Guidance | undefined, from: ResourceKind, to: ResourceKind) {
  if (!guidance) return undefined;
  const a = guidance.exchange_ratios[from];
  const b = guidance.exchange_ratios[to];
  return a > 0 ? b / a : undefined;
}

/** The planet an offer is made or accepted from; the action waits until the tab knows it. */
export function planetOrThrow(planetId: number | undefined): number {
  if (planetId === undefined) throw new Error('The planet is still loading.');
  return planetId;
}

export function Amount({ amount, kind }: { amount: number; kind: ResourceKind }) {
  return (
    <span class={`res-${kind}`}>
      <span class="res-amount">{formatNumber(amount)}</span> <span class="res-label">{kind}</span>
    </span>
  );
}

/** A labelled choice of resource; with `any`, an option for no choice at all (value ''). */
export function ResourceSelect<V extends ResourceKind | ''>({
  id,
  label,
  value,
  onChange,
  any,
  unavailable,
}: {
  id: string;
  label: string;
  value: V;
  onChange: (kind: V) => void;
  /** The text of the "no choice" option. */
  any?: string;
  /** A resource that cannot be chosen here. */
  unavailable?: ResourceKind;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {RESOURCE_KINDS.map((kind) => (
          <option key={kind} value={kind} disabled={kind === unavailable}>
            {humanize(kind)}
          </option>
        ))}
      </select>
    </div>
  );
}
