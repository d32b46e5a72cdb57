import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Countdown, Empty, ErrorText, Fact, SuccessText } from '../components/bits';
import { api } from '../lib/api';
import { formatNumber, formatTime } from '../lib/format';
import { useGame, type Snapshot } from '../lib/game';
import {
  LiveCost,
  PriceFacts,
  Requirements,
  UnitArticle,
  useUnitAction,
  type UnitEntry,
} from './UnitCard';
import { QueueCard, UnitsScreen, type UnitsContext } from './UnitsScreen';

// The shipyard's two screens, ships and defenses: ordered by count, paid at once, delivered one
// by one from a queue they share.

type ShipyardUnitType = Schemas['ShipyardUnitType'];

export function Shipyard() {
  return (
    <UnitsScreen title="Shipyard">
      {(context) => <ShipyardBody context={context} category="ship" />}
    </UnitsScreen>
  );
}

export function Defense() {
  return (
    <UnitsScreen title="Defense">
      {(context) => <ShipyardBody context={context} category="defense" />}
    </UnitsScreen>
  );
}

function ShipyardBody({
  context,
  category,
}: {
  context: UnitsContext;
  category: 'ship' | 'defense';
}) {
  const { link } = useGame();
  const entries = (category === 'ship' ? context.catalog.ships : context.catalog.defenses) ?? [];
  if (entries.length === 0) {
    return category === 'defense' ? (
      <Empty>
        There are no defenses in this game's ruleset: a planet is guarded by the ships stationed on
        it. Build some at the <a href={link('/shipyard')}>shipyard</a>.
      </Empty>
    ) : (
      <Empty>There are no ships in this game's ruleset.</Empty>
    );
  }
  return (
    <>
      <ShipyardQueue snapshot={context.snapshot} />
      <div class="unit-list">
        {entries.map((entry) => (
          <ShipCard key={entry.type} entry={entry} context={context} />
        ))}
      </div>
    </>
  );
}

function ShipCard({ entry, context }: { entry: UnitEntry; context: UnitsContext }) {
  const { userId, rules, nameOf } = useGame();
  const { planetId, snapshot, refresh } = context;
  const [count, setCount] = useState('1');
  const [queuedMessage, setQueuedMessage] = useState<string | null>(null);
  const order = useUnitAction(refresh, async (quantity: number) => {
    setQueuedMessage(null);
    const reply = await ok(
      api.POST('/player/{user_id}/build-ships', {
        params: { path: { user_id: userId } },
        body: { ship_type: entry.type as ShipyardUnitType, quantity, planet_id: planetId },
      }),
    );
    setQueuedMessage(
      `Ordered ${formatNumber(reply.item.ordered)} × ${nameOf(entry.type)}: ` +
        `the last one is done at ${formatTime(reply.item.completion_time)}.`,
    );
  });

  const maxCount = rules?.units[entry.category].find((unit) => unit.type === entry.type)?.maxCount;
  const inQueue = snapshot.ship_build_queue
    .filter((item) => item.type === entry.type)
    .reduce((sum, item) => sum + item.count, 0);
  const room = maxCount === undefined ? undefined : Math.max(0, maxCount - entry.count - inQueue);
  const full = room === 0;
  const quantity = Number(count);
  const valid = Number.isInteger(quantity) && quantity >= 1;
  const inputId = `count-${entry.type}`;
  const stats = entry.stats;
  const isShip = entry.category === 'ship';

  return (
    <UnitArticle
      type={entry.type}
      badge={
        <>
          {formatNumber(entry.count)} on hand
          {inQueue > 0 ? <span class="muted"> +{formatNumber(inQueue)} ordered</span> : null}
        </>
      }
    >
      <PriceFacts
        entry={entry}
        snapshot={snapshot}
        costLabel="Cost per unit"
        timeLabel="Time per unit"
      />
      <dl class="facts unit-stats">
        <Fact label="Attack">{formatNumber(stats.attack)}</Fact>
        <Fact label="Shield">{formatNumber(stats.shield)}</Fact>
        <Fact label="Structure">{formatNumber(stats.structure)}</Fact>
        {isShip ? <Fact label="Speed">{formatNumber(stats.speed)}</Fact> : null}
        {isShip ? <Fact label="Cargo">{formatNumber(stats.cargo)}</Fact> : null}
      </dl>
      <Requirements missing={entry.missing_requirements} />
      {maxCount !== undefined ? (
        <p class={full ? 'warn unit-limit' : 'muted unit-limit'}>
          At most {formatNumber(maxCount)} per planet, ordered ones included
          {full ? ': the limit is reached.' : '.'}
        </p>
      ) : null}
      <form
        class="inline-form unit-order"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void order.run(quantity);
        }}
      >
        <label class="unit-count" for={inputId}>
          Count
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={room ?? 1_000_000}
          step={1}
          required
          value={count}
          disabled={full}
          onInput={(event) => setCount(event.currentTarget.value)}
        />
        <button
          type="submit"
          class="primary"
          disabled={order.pending || full || !entry.requirements_met}
        >
          Build
        </button>
      </form>
      {valid && quantity > 1 ? (
        <p class="unit-total">
          <span class="muted">Total for {formatNumber(quantity)}:</span>{' '}
          <LiveCost cost={scale(entry.next_cost, quantity)} snapshot={snapshot} />
        </p>
      ) : null}
      <ErrorText error={order.error} />
      <SuccessText text={queuedMessage} />
    </UnitArticle>
  );
}

/** `quantity` units at the catalog's unit price. */
function scale(cost: Schemas['Cost'], quantity: number): Schemas['Cost'] {
  return {
    metal: cost.metal * quantity,
    crystal: cost.crystal * quantity,
    deuterium: cost.deuterium * quantity,
  };
}

function ShipyardQueue({ snapshot }: { snapshot: Snapshot }) {
  const { nameOf, rules } = useGame();
  const queue = snapshot.ship_build_queue;
  const limit = rules?.formulas.shipyardQueueLimit;
  return (
    <QueueCard
      id="shipyard-queue-title"
      title="Shipyard queue"
      label="Shipyard queue"
      queued={queue.length}
      idle="The shipyard of this planet is idle."
      note={
        <p class="muted queue-note">
          Ships and defenses share this queue; orders are paid at once and delivered one by one.
          {limit ? ` Orders at a time: ${limit}.` : ''}
        </p>
      }
    >
      {queue.map((item, position) => (
        <li key={item.id}>
          <span class="tag">{position === 0 ? 'Building' : 'Waiting'}</span>
          <span class="queue-what">
            {formatNumber(item.ordered)} × {nameOf(item.type)}
          </span>
          <span class="muted">
            {formatNumber(item.delivered)} of {formatNumber(item.ordered)} delivered
          </span>
          <span>
            next unit <Countdown until={item.next_completion_time} done="now" />
          </span>
          <span>
            all <Countdown until={item.completion_time} />
          </span>
          <span class="muted">done at {formatTime(item.completion_time)}</span>
        </li>
      ))}
    </QueueCard>
  );
}
