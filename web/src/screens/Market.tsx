import { ok, type Schemas } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Countdown, Empty, ErrorText, Fact, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { now, secondsUntil } from '../lib/clock';
import { formatNumber, formatTime, humanize } from '../lib/format';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { useAction, useLoad } from '../lib/load';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';
import './Market.css';

type Guidance = Schemas['MarketGuidance'];
type Offer = Schemas['Offer'];
type TradeEvent = Schemas['TradeEvent'];

const OFFERS_PAGE = 50;
const HISTORY_PAGE = 20;
const TRADE_EVENTS = ['trade_event'] as const;

const rateFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** What one unit of `from` is worth in `to` by the server's exchange ratios (3 : 2 : 1 style). */
function fairRate(guidance: Guidance | undefined, from: ResourceKind, to: ResourceKind) {
  if (!guidance) return undefined;
  const a = guidance.exchange_ratios[from];
  const b = guidance.exchange_ratios[to];
  return a > 0 ? b / a : undefined;
}

function Amount({ amount, kind }: { amount: number; kind: ResourceKind }) {
  return (
    <span class={`res-${kind}`}>
      <span class="res-amount">{formatNumber(amount)}</span> <span class="res-label">{kind}</span>
    </span>
  );
}

/** The trading post: the server's guidance, a new offer, the open offers and the history. */
export function Market() {
  const { userId, planetId } = useGame();
  const guidance = useLoad(() => ok(api.GET('/market/guidance')), []);
  const [offersOffset, setOffersOffset] = useState(0);
  const [historyOffset, setHistoryOffset] = useState(0);
  const offers = useLoad(
    () =>
      ok(
        api.GET('/trade/offers', {
          params: { query: { status: 'open', limit: OFFERS_PAGE, offset: offersOffset } },
        }),
      ),
    [offersOffset],
  );
  const history = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/trade/history', {
          params: {
            path: { user_id: userId },
            query: { limit: HISTORY_PAGE, offset: historyOffset },
          },
        }),
      ),
    [userId, historyOffset],
  );
  // The parties of an offer (its seller, its buyer) hear of each change to it.
  useMessages(TRADE_EVENTS, () => {
    offers.reload();
    history.reload();
  });

  const changed = () => {
    offers.reload();
    history.reload();
  };

  return (
    <Screen title="Market">
      <div class="market">
        <div class="grid two market-top">
          <GuidanceCard guidance={guidance.data} error={guidance.error} />
          <CreateOffer guidance={guidance.data} planetId={planetId} onCreated={changed} />
        </div>
        <OpenOffers
          guidance={guidance.data}
          offers={offers.data?.offers}
          error={offers.error}
          loading={offers.loading}
          offset={offersOffset}
          setOffset={setOffersOffset}
          reload={offers.reload}
          onChanged={changed}
        />
        <History
          events={history.data?.events}
          error={history.error}
          offset={historyOffset}
          setOffset={setHistoryOffset}
        />
      </div>
    </Screen>
  );
}

function GuidanceCard({
  guidance,
  error,
}: {
  guidance: Guidance | undefined;
  error: string | null;
}) {
  return (
    <article class="card" aria-labelledby="market-guidance">
      <h2 id="market-guidance">Exchange guide</h2>
      {error ? <ErrorText error={error} /> : null}
      {!guidance ? (
        error ? null : (
          <Loading />
        )
      ) : (
        <>
          <p class="market-ratio">
            {RESOURCE_KINDS.map((kind, i) => (
              <span key={kind}>
                {i > 0 ? ' = ' : ''}
                <Amount amount={guidance.exchange_ratios[kind]} kind={kind} />
              </span>
            ))}
          </p>
          <dl class="facts">
            {RESOURCE_KINDS.flatMap((from) =>
              RESOURCE_KINDS.filter((to) => to !== from).map((to) => (
                <Fact key={`${from}-${to}`} label={`1 ${from} in ${to}`}>
                  {rateFormat.format(fairRate(guidance, from, to) ?? 0)}
                </Fact>
              )),
            )}
            <Fact label="Transaction fee">
              {percentFormat.format(guidance.transaction_fee_rate)}
            </Fact>
          </dl>
          <p class="muted small-print">
            The fee is taken from the price the buyer pays; the seller receives the rest.
          </p>
        </>
      )}
    </article>
  );
}

function CreateOffer({
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
    if (planetId === undefined) throw new Error('The planet is still loading.');
    const offer = await ok(
      api.POST('/trade/offers', {
        body: {
          offered_resource: offered,
          offered_amount: Math.floor(amountValue),
          requested_resource: requested,
          requested_amount: Math.floor(priceValue),
          planet_id: planetId,
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
          <div class="market-field">
            <label for="market-offer">Offer</label>
            <select
              id="market-offer"
              value={offered}
              onChange={(e) => pickOffered(e.currentTarget.value as ResourceKind)}
            >
              {RESOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {humanize(kind)}
                </option>
              ))}
            </select>
          </div>
          <div class="market-field">
            <label for="market-amount">Amount</label>
            <input
              id="market-amount"
              type="number"
              min={1}
              step={1}
              required
              inputMode="numeric"
              value={amount}
              onInput={(e) => setAmount(e.currentTarget.value)}
              aria-describedby="market-have"
            />
          </div>
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
          <div class="market-field">
            <label for="market-for">For</label>
            <select
              id="market-for"
              value={requested}
              onChange={(e) => pickRequested(e.currentTarget.value as ResourceKind)}
            >
              {RESOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind} disabled={kind === offered}>
                  {humanize(kind)}
                </option>
              ))}
            </select>
          </div>
          <div class="market-field">
            <label for="market-price">Price</label>
            <input
              id="market-price"
              type="number"
              min={1}
              step={1}
              required
              inputMode="numeric"
              value={priceShown}
              onInput={(e) => {
                setPriceTouched(true);
                setPrice(e.currentTarget.value);
              }}
              aria-describedby="market-fair"
            />
          </div>
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
        {done && !create.error ? (
          <p class="success" role="status">
            {done}
          </p>
        ) : null}
      </form>
    </article>
  );
}

function OpenOffers({
  guidance,
  offers,
  error,
  loading,
  offset,
  setOffset,
  reload,
  onChanged,
}: {
  guidance: Guidance | undefined;
  offers: Offer[] | undefined;
  error: string | null;
  loading: boolean;
  offset: number;
  setOffset: (offset: number) => void;
  reload: () => void;
  onChanged: () => void;
}) {
  const [offeredFilter, setOfferedFilter] = useState<ResourceKind | ''>('');
  const [requestedFilter, setRequestedFilter] = useState<ResourceKind | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const shown = (offers ?? []).filter(
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
          onClick={() => reload()}
          disabled={loading}
          aria-label="Refresh open offers"
        >
          Refresh
        </button>
      </div>
      <div class="row market-filters">
        <div class="market-field">
          <label for="market-filter-offered">Seller gives</label>
          <select
            id="market-filter-offered"
            value={offeredFilter}
            onChange={(e) => setOfferedFilter(e.currentTarget.value as ResourceKind | '')}
          >
            <option value="">Any resource</option>
            {RESOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {humanize(kind)}
              </option>
            ))}
          </select>
        </div>
        <div class="market-field">
          <label for="market-filter-asked">Seller wants</label>
          <select
            id="market-filter-asked"
            value={requestedFilter}
            onChange={(e) => setRequestedFilter(e.currentTarget.value as ResourceKind | '')}
          >
            <option value="">Any resource</option>
            {RESOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {humanize(kind)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {notice ? (
        <p class="success" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
      {!offers ? (
        error ? null : (
          <Loading />
        )
      ) : shown.length === 0 ? (
        <Empty>
          {filtered
            ? 'No open offer matches these filters.'
            : offset > 0
              ? 'No more offers.'
              : 'No offer is open. Put one on the market above.'}
        </Empty>
      ) : (
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
              {shown.map((offer) => (
                <OfferRow
                  key={offer.id}
                  offer={offer}
                  guidance={guidance}
                  onDone={(text) => {
                    setNotice(text);
                    onChanged();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {offers && (offset > 0 || offers.length >= OFFERS_PAGE) ? (
        <div class="actions market-paging">
          <button
            type="button"
            class="small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - OFFERS_PAGE))}
          >
            Newer offers
          </button>
          <button
            type="button"
            class="small"
            disabled={offers.length < OFFERS_PAGE}
            onClick={() => setOffset(offset + OFFERS_PAGE)}
          >
            Older offers
          </button>
          {filtered ? <span class="muted small-print">Filters apply to this page.</span> : null}
        </div>
      ) : null}
    </article>
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
    if (planetId === undefined) throw new Error('The planet is still loading.');
    const result = await ok(
      api.POST('/trade/accept/{offer_id}', {
        params: { path: { offer_id: offer.id }, query: { planet_id: planetId } },
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

const EVENT_NAMES: Record<TradeEvent['type'], string> = {
  offer_created: 'Offer created',
  trade_completed: 'Trade completed',
  offer_cancelled: 'Offer cancelled',
  offer_expired: 'Offer expired',
};

function History({
  events,
  error,
  offset,
  setOffset,
}: {
  events: TradeEvent[] | undefined;
  error: string | null;
  offset: number;
  setOffset: (offset: number) => void;
}) {
  const { userId } = useGame();
  return (
    <article class="card market-history" aria-labelledby="market-history">
      <h2 id="market-history">Trade history</h2>
      {error ? <ErrorText error={error} /> : null}
      {!events ? (
        error ? null : (
          <Loading />
        )
      ) : events.length === 0 ? (
        <Empty>{offset > 0 ? 'No older trades.' : 'You have not traded yet.'}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table market-table market-history-table" aria-label="Trade history">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">As</th>
                <th scope="col" class="num">
                  Offered
                </th>
                <th scope="col" class="num">
                  Asked
                </th>
                <th scope="col" class="num">
                  Fee
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td class="m-time">
                    <time dateTime={event.timestamp}>{formatTime(event.timestamp)}</time>
                  </td>
                  <td class="m-event">
                    {EVENT_NAMES[event.type]}{' '}
                    <span class="muted small-print">#{event.offer_id}</span>
                  </td>
                  <td class="m-as" data-label="As">
                    {event.seller_user_id === userId ? 'seller' : 'buyer'}
                  </td>
                  <td class="num m-offered" data-label="Offered">
                    <Amount amount={event.offered_amount} kind={event.offered_resource} />
                  </td>
                  <td class="num m-asked" data-label="Asked">
                    <Amount amount={event.requested_amount} kind={event.requested_resource} />
                  </td>
                  <td class="num m-fee" data-label="Fee">
                    {event.fee > 0 ? (
                      <Amount amount={event.fee} kind={event.requested_resource} />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="m-status">
                    <span class={`tag market-status-${event.status}`}>{event.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events && (offset > 0 || events.length >= HISTORY_PAGE) ? (
        <div class="actions market-paging">
          <button
            type="button"
            class="small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - HISTORY_PAGE))}
          >
            Newer trades
          </button>
          <button
            type="button"
            class="small"
            disabled={events.length < HISTORY_PAGE}
            onClick={() => setOffset(offset + HISTORY_PAGE)}
          >
            Older trades
          </button>
        </div>
      ) : null}
    </article>
  );
}
