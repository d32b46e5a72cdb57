import type { Schemas } from '@ogame-like/sdk';
import { Empty, WhenLoaded } from '../components/bits';
import { Pager } from '../components/Pager';
import { formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import type { Loaded } from '../lib/load';
import { Amount } from './MarketParts';

type TradeEvent = Schemas['TradeEvent'];

export const HISTORY_PAGE = 20;

const EVENT_NAMES: Record<TradeEvent['type'], string> = {
  offer_created: 'Offer created',
  trade_completed: 'Trade completed',
  offer_cancelled: 'Offer cancelled',
  offer_expired: 'Offer expired',
};

/** The player's own trades, as seller or buyer, newest first. */
export function TradeHistory({
  events,
  offset,
  setOffset,
}: {
  events: Loaded<TradeEvent[]>;
  offset: number;
  setOffset: (offset: number) => void;
}) {
  return (
    <article class="card market-history" aria-labelledby="market-history">
      <h2 id="market-history">Trade history</h2>
      <WhenLoaded data={events.data} error={events.error}>
        {(page) => (
          <>
            {page.length === 0 ? (
              <Empty>{offset > 0 ? 'No older trades.' : 'You have not traded yet.'}</Empty>
            ) : (
              <HistoryTable events={page} />
            )}
            <Pager
              offset={offset}
              size={HISTORY_PAGE}
              count={page.length}
              onChange={setOffset}
              words={{ back: 'Newer trades', forward: 'Older trades' }}
            />
          </>
        )}
      </WhenLoaded>
    </article>
  );
}

function HistoryTable({ events }: { events: TradeEvent[] }) {
  const { userId } = useGame();
  return (
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
                {EVENT_NAMES[event.type]} <span class="muted small-print">#{event.offer_id}</span>
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
  );
}
