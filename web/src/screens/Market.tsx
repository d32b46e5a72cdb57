import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Fact, Screen, WhenLoaded } from '../components/bits';
import { api } from '../lib/api';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad } from '../lib/load';
import { RESOURCE_KINDS } from '../lib/resources';
import { CreateOffer } from './MarketCreate';
import { HISTORY_PAGE, TradeHistory } from './MarketHistory';
import { OFFERS_PAGE, OpenOffers } from './MarketOffers';
import { Amount, fairRate, percentFormat, rateFormat, type Guidance } from './MarketParts';
import './Market.css';

const TRADE_EVENTS = ['trade_event'] as const;
const MARKET_EVENTS = ['market_update'] as const;

/** The trading post: the server's guidance, a new offer, the open offers and the history. */
export function Market() {
  const { userId, planetId } = useGame();
  const guidance = useLoad(() => ok(api.GET('/market/guidance')), []);
  const [offersOffset, setOffersOffset] = useState(0);
  const [historyOffset, setHistoryOffset] = useState(0);
  const offers = useLoad(
    async () =>
      (
        await ok(
          api.GET('/trade/offers', {
            params: { query: { status: 'open', limit: OFFERS_PAGE, offset: offersOffset } },
          }),
        )
      ).offers,
    [offersOffset],
  );
  const history = useLoad(
    async () =>
      (
        await ok(
          api.GET('/player/{user_id}/trade/history', {
            params: {
              path: { user_id: userId },
              query: { limit: HISTORY_PAGE, offset: historyOffset },
            },
          }),
        )
      ).events,
    [userId, historyOffset],
  );
  const changed = () => {
    offers.reload();
    history.reload();
  };
  // The parties of an offer (its seller, its buyer) hear of each change to it; everyone online
  // hears that the open offers changed (market_update, at most once a tick).
  useMessages(TRADE_EVENTS, changed);
  useMessages(MARKET_EVENTS, () => offers.reload());

  return (
    <Screen title="Market">
      <div class="market">
        <div class="grid two market-top">
          <GuidanceCard guidance={guidance.data} error={guidance.error} />
          <CreateOffer guidance={guidance.data} planetId={planetId} onCreated={changed} />
        </div>
        <OpenOffers
          guidance={guidance.data}
          offers={offers}
          offset={offersOffset}
          setOffset={setOffersOffset}
          onChanged={changed}
        />
        <TradeHistory events={history} offset={historyOffset} setOffset={setHistoryOffset} />
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
      <WhenLoaded data={guidance} error={error}>
        {(guide) => (
          <>
            <p class="market-ratio">
              {RESOURCE_KINDS.map((kind, i) => (
                <span key={kind}>
                  {i > 0 ? ' = ' : ''}
                  <Amount amount={guide.exchange_ratios[kind]} kind={kind} />
                </span>
              ))}
            </p>
            <dl class="facts">
              {RESOURCE_KINDS.flatMap((from) =>
                RESOURCE_KINDS.filter((to) => to !== from).map((to) => (
                  <Fact key={`${from}-${to}`} label={`1 ${from} in ${to}`}>
                    {rateFormat.format(fairRate(guide, from, to) ?? 0)}
                  </Fact>
                )),
              )}
              <Fact label="Transaction fee">
                {percentFormat.format(guide.transaction_fee_rate)}
              </Fact>
            </dl>
            <p class="muted small-print">
              The fee is taken from the price the buyer pays; the seller receives the rest.
            </p>
          </>
        )}
      </WhenLoaded>
    </article>
  );
}
