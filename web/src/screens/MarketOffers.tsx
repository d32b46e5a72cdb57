import { ok, type Schemas } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Countdown, Empty, ErrorText, SuccessText, WhenLoaded } from '../components/bits';
import { Pager } from '../components/Pager';
import { api } from '../lib/api';
import { now, secondsUntil } from '../lib/clock';
import { formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction, type Loaded } from '../lib/load';
import type { ResourceKind } from '../lib/resources';
import {
  Amount,
  fairRate,
  percentFormat,
  planetOrThrow,
  rateFormat,
  ResourceSelect,
  type Guidance,
} from './MarketParts';

type Offer = Schemas['Offer'];

export const OFFERS_PAGE = 50;

/** The open offers of every player, filtered by resource, a page at a time. */
export function OpenOffers({
  guidance,
  offers,
  offset,
  setOffset,
  onChanged,
}: {
  guidance: Guidance | undefined;
  offers: Loaded<Offer[]>;
  offset: number;
  setOffset: (offset: number) => void;
  /** An offer was accepted or cancelled here: the lists are read again. */
  onChanged: () => void;
}) {
  const [offeredFilter, setOfferedFilter] = useState<ResourceKind | ''>('');
  const [requestedFilter, setRequestedFilter] = useState<ResourceKind | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const shown = (offers.data ?? []).filter(
    (o) =>
      (!offeredFilter || o.offered_resource === offeredFilter) &&
      (!requestedFilter || o.requested_resource === requestedFilter),
  );
  const filtered = offeredFilter !== '' || requestedFilter !== '';

  return (
    <article class="card market-offers" aria-labelledby="market-open">
      <div class="market-head">
        <h2 id="market-open">Open offers</h2>
        <button
          type="button"
          class="ghost small"
          onClick={() => offers.reload()}
          disabled={offers.loading}
          aria-label="Refresh open offers"
        >
          Refresh
        </button>
      </div>
      <div class="row market-filters">
        <ResourceSelect
          id="market-filter-offered"
          label="Seller gives"
          value={offeredFilter}
          onChange={setOfferedFilter}
          any="Any resource"
        />
        <ResourceSelect
          id="market-filter-asked"
          label="Seller wants"
          value={requestedFilter}
          onChange={setRequestedFilter}
          any="Any resource"
        />
      </div>
      <SuccessText text={notice} />
      <WhenLoaded data={offers.data} error={offers.error}>
        {(page) => (
          <>
            {shown.length === 0 ? (
              <Empty>
                {filtered
                  ? 'No open offer matches these filters.'
                  : offset > 0
                    ? 'No more offers.'
                    : 'No offer is open. Put one on the market above.'}
              </Empty>
            ) : (
              <OffersTable
                offers={shown}
                guidance={guidance}
                onDone={(text) => {
                  setNotice(text);
                  onChanged();
                }}
              />
            )}
            <Pager
              offset={offset}
              size={OFFERS_PAGE}
              count={page.length}
              onChange={setOffset}
              words={{ back: 'Newer offers', forward: 'Older offers' }}
            >
              {filtered ? <span class="muted small-print">Filters apply to this page.</span> : null}
            </Pager>
          </>
        )}
      </WhenLoaded>
    </article>
  );
}

function OffersTable({
  offers,
  guidance,
  onDone,
}: {
  offers: Offer[];
  guidance: Guidance | undefined;
  onDone: (text: string) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="table market-table market-offers-table" aria-label="Open offers">
        <thead>
          <tr>
            <th scope="col">Seller</th>
            <th scope="col" class="num">
              Offers
            </th>
            <th scope="col" class="num">
              Asks
            </th>
            <th scope="col" class="num">
              Rate
            </th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span class="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => (
            <OfferRow key={offer.id} offer={offer} guidance={guidance} onDone={onDone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OfferRow({
  offer,
  guidance,
  onDone,
}: {
  offer: Offer;
  guidance: Guidance | undefined;
  onDone: (text: string) => void;
}) {
  const { userId, planetId, snapshot } = useGame();
  const mine = offer.seller_user_id === userId;
  const rate = offer.requested_amount / offer.offered_amount;
  const fair = fairRate(guidance, offer.offered_resource, offer.requested_resource);
  const expired = offer.expires_at !== null && secondsUntil(offer.expires_at, now.value) <= 0;

  const accept = useAction(async () => {
    const to = planetOrThrow(planetId);
    const result = await ok(
      api.POST('/trade/accept/{offer_id}', {
        params: { path: { offer_id: offer.id }, query: { planet_id: to } },
      }),
    );
    snapshot.reload();
    onDone(
      `Bought ${formatNumber(offer.offered_amount)} ${offer.offered_resource} for ${formatNumber(offer.requested_amount)} ${offer.requested_resource} (offer ${result.offer_id}).`,
    );
  });
  const cancel = useAction(async () => {
    const result = await ok(
      api.DELETE('/trade/offers/{offer_id}', { params: { path: { offer_id: offer.id } } }),
    );
    snapshot.reload();
    onDone(
      `Offer ${result.offer_id} cancelled: ${formatNumber(result.refunded.amount)} ${result.refunded.resource} returned to its planet.`,
    );
  });
  const failure = accept.error ?? cancel.error;

  return (
    <>
      <tr class={mine ? 'market-mine' : ''}>
        <td class="m-seller">
          {offer.seller_name ?? <span class="muted">(gone)</span>}{' '}
          {mine ? <span class="tag">yours</span> : null}
          <div class="muted small-print">
            #{offer.id} · <time dateTime={offer.created_at}>{formatTime(offer.created_at)}</time>
          </div>
        </td>
        <td class="num m-offers" data-label="Offers">
          <Amount amount={offer.offered_amount} kind={offer.offered_resource} />
        </td>
        <td class="num m-asks" data-label="Asks">
          <Amount amount={offer.requested_amount} kind={offer.requested_resource} />
        </td>
        <td class="num m-rate" data-label="Rate">
          {rateFormat.format(rate)}
          {fair ? (
            <div
              class={`small-print ${rate > fair * 1.001 ? 'warn' : 'muted'}`}
              title="Price compared with the exchange guide"
            >
              {percentFormat.format(rate / fair)} of guide
            </div>
          ) : null}
        </td>
        <td class="m-expires" data-label="Expires">
          {offer.expires_at ? <Countdown until={offer.expires_at} done="expired" /> : 'never'}
        </td>
        <td class="market-action m-action">
          {mine ? (
            <button
              type="button"
              class="danger small"
              aria-label={`Cancel offer ${offer.id}`}
              disabled={cancel.pending}
              onClick={() => void cancel.run()}
            >
              Cancel
            </button>
          ) : (
            <button
              type="button"
              class="primary small"
              aria-label={`Accept offer ${offer.id}`}
              disabled={accept.pending || expired || planetId === undefined}
              onClick={() => void accept.run()}
            >
              Accept
            </button>
          )}
        </td>
      </tr>
      {failure ? (
        <tr class="market-row-error">
          <td colSpan={6}>
            <ErrorText error={failure} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
