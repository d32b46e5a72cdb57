import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { ErrorText, SuccessText } from '../components/bits';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction } from '../lib/load';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';
import { fairRate, planetOrThrow, rateFormat, ResourceSelect, type Guidance } from './MarketParts';

/** The form that puts resources of this planet on the market, at a price the guide suggests. */
export function CreateOffer({
  guidance,
  planetId,
  onCreated,
}: {
  guidance: Guidance | undefined;
  planetId: number | undefined;
  onCreated: () => void;
}) {
  const { snapshot } = useGame();
  const [offered, setOffered] = useState<ResourceKind>('metal');
  const [requested, setRequested] = useState<ResourceKind>('crystal');
  const [amount, setAmount] = useState('');
  const [price, setPrice] = useState('');
  /** Until the player types a price, it follows the fair one. */
  const [priceTouched, setPriceTouched] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const amountValue = Number(amount);
  const rate = fairRate(guidance, offered, requested);
  const fair =
    rate !== undefined && Number.isFinite(amountValue) && amountValue > 0
      ? Math.max(1, Math.round(amountValue * rate))
      : undefined;
  const priceShown = priceTouched ? price : fair !== undefined ? String(fair) : '';
  const priceValue = Number(priceShown);
  const fee =
    guidance && priceValue > 0 ? Math.floor(priceValue * guidance.transaction_fee_rate) : 0;
  const have = snapshot.data?.resources[offered];

  const create = useAction(async () => {
    const from = planetOrThrow(planetId);
    const offer = await ok(
      api.POST('/trade/offers', {
        body: {
          offered_resource: offered,
          offered_amount: Math.floor(amountValue),
          requested_resource: requested,
          requested_amount: Math.floor(priceValue),
          planet_id: from,
        },
      }),
    );
    setDone(
      `Offer ${offer.id} is on the market: ${formatNumber(offer.offered_amount)} ${offer.offered_resource} for ${formatNumber(offer.requested_amount)} ${offer.requested_resource}.`,
    );
    setAmount('');
    setPrice('');
    setPriceTouched(false);
    snapshot.reload();
    onCreated();
  });

  const pickOffered = (kind: ResourceKind) => {
    setOffered(kind);
    if (kind === requested) setRequested(RESOURCE_KINDS.find((k) => k !== kind) ?? requested);
  };
  const pickRequested = (kind: ResourceKind) => {
    setRequested(kind);
    if (kind === offered) setOffered(RESOURCE_KINDS.find((k) => k !== kind) ?? offered);
  };

  return (
    <article class="card" aria-labelledby="market-create">
      <h2 id="market-create">New offer</h2>
      <form
        class="form"
        aria-label="Create offer"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          void create.run();
        }}
      >
        <div class="row">
          <ResourceSelect id="market-offer" label="Offer" value={offered} onChange={pickOffered} />
          <QuantityField
            id="market-amount"
            label="Amount"
            value={amount}
            onInput={setAmount}
            describedBy="market-have"
          />
        </div>
        <div class="market-hint small-print">
          <span id="market-have" class="muted">
            {have === undefined
              ? 'Loading the planet…'
              : `On this planet: ${formatNumber(have)} ${offered}.`}
          </span>
          {have !== undefined && have >= 1 ? (
            <button
              type="button"
              class="ghost small"
              onClick={() => setAmount(String(Math.floor(have)))}
            >
              Offer all
            </button>
          ) : null}
        </div>
        <div class="row">
          <ResourceSelect
            id="market-for"
            label="For"
            value={requested}
            onChange={pickRequested}
            unavailable={offered}
          />
          <QuantityField
            id="market-price"
            label="Price"
            value={priceShown}
            onInput={(text) => {
              setPriceTouched(true);
              setPrice(text);
            }}
            describedBy="market-fair"
          />
        </div>
        <div class="market-hint small-print">
          <span id="market-fair" class="muted">
            {!guidance
              ? 'Loading the exchange guide…'
              : fair === undefined
                ? `Fair rate: 1 ${offered} = ${rateFormat.format(rate ?? 0)} ${requested}.`
                : `Fair price: ${formatNumber(fair)} ${requested}.` +
                  (priceValue > 0
                    ? ` You would receive ${formatNumber(priceValue - fee)} ${requested} after the fee of ${formatNumber(fee)}.`
                    : '')}
          </span>
          {fair !== undefined && priceTouched && priceShown !== String(fair) ? (
            <button
              type="button"
              class="ghost small"
              onClick={() => {
                setPriceTouched(false);
                setPrice('');
              }}
            >
              Use fair price
            </button>
          ) : null}
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={create.pending || planetId === undefined}>
            Create offer
          </button>
        </div>
        <ErrorText error={create.error} />
        <SuccessText text={create.error ? null : done} />
      </form>
    </article>
  );
}

/** A whole amount of resources, with the hint below it that describes it. */
function QuantityField({
  id,
  label,
  value,
  onInput,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (text: string) => void;
  describedBy: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        required
        inputMode="numeric"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={describedBy}
      />
    </div>
  );
}
