import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Cost, Countdown, Empty, ErrorText, Fact } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatDuration, formatNumber, formatTime } from '../lib/format';
import { useGame, type Snapshot } from '../lib/game';
import { useAction } from '../lib/load';
import {
  LiveCost,
  Requirements,
  UnitArticle,
  UnitsScreen,
  type LevelEntry,
  type UnitEntry,
  type UnitsContext,
} from './UnitCard';
import './Buildings.css';

// The four screens where a planet spends its resources: buildings (levels, demolition, the
// build queue), research (one lab at a time, possibly on another planet), and the shipyard's
// ships and defenses (ordered by count, delivered one by one). Every price, duration and
// requirement comes from the server's catalog; each is read again after an action and on the
// live messages that change it.

type BuildingType = Schemas['BuildingType'];
type ResearchType = Schemas['ResearchType'];
type ShipyardUnitType = Schemas['ShipyardUnitType'];
type QueueItem = Schemas['QueueItem'];

/* ------------------------------------------------------------------ Buildings */

export function Buildings() {
  return <UnitsScreen title="Buildings">{(context) => <BuildingsBody {...context} />}</UnitsScreen>;
}

function BuildingsBody(context: UnitsContext) {
  const { catalog, snapshot } = context;
  return (
    <>
      <BuildQueue {...context} />
      {catalog.buildings.length === 0 ? (
        <Empty>This ruleset has no buildings.</Empty>
      ) : (
        <div class="unit-list">
          {catalog.buildings.map((entry) => (
            <BuildingCard
              key={entry.type}
              entry={entry}
              built={snapshot.buildings[entry.type] ?? 0}
              context={context}
            />
          ))}
        </div>
      )}
    </>
  );
}

function BuildingCard({
  entry,
  built,
  context,
}: {
  entry: LevelEntry;
  built: number;
  context: UnitsContext;
}) {
  const { userId, rules, nameOf } = useGame();
  const { planetId, snapshot, refresh } = context;
  const type = entry.type as BuildingType;
  const [confirming, setConfirming] = useState(false);
  const [demolished, setDemolished] = useState<Schemas['DemolitionQueued'] | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const build = useAction(async () => {
    setDemolished(null);
    demolish.clear();
    try {
      await ok(
        api.POST('/player/{user_id}/build', {
          params: { path: { user_id: userId } },
          body: { building_type: type, planet_id: planetId },
        }),
      );
    } finally {
      refresh();
    }
  });
  const demolish = useAction(async () => {
    build.clear();
    try {
      const reply = await ok(
        api.DELETE('/player/{user_id}/buildings/{building_type}', {
          params: {
            path: { user_id: userId, building_type: type },
            query: { planet_id: planetId },
          },
        }),
      );
      setDemolished(reply);
    } finally {
      setConfirming(false);
      refresh();
    }
  });

  // The confirm button replaces the one just pressed: the keyboard focus moves onto it.
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The catalog's level is the one the queue reaches; the snapshot's is the one standing.
  const target = entry.level;
  const next = target + 1;
  return (
    <UnitArticle
      type={entry.type}
      badge={
        <>
          Level {formatNumber(built)}
          {target !== built ? <span class="muted"> → {formatNumber(target)} queued</span> : null}
        </>
      }
    >
      <dl class="facts">
        <Fact label={`Cost of level ${next}`}>
          <LiveCost cost={entry.next_cost} snapshot={snapshot} />
        </Fact>
        <Fact label="Duration">{formatDuration(entry.next_duration_seconds)}</Fact>
      </dl>
      <Requirements missing={entry.missing_requirements} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={build.pending || !entry.requirements_met}
          onClick={() => void build.run()}
        >
          Build level {next}
        </button>
        {built > 0 && !confirming ? (
          <button
            type="button"
            class="danger small"
            disabled={demolish.pending}
            onClick={() => {
              setDemolished(null);
              demolish.clear();
              setConfirming(true);
            }}
          >
            Demolish
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-label="Demolish one level">
          <p>
            Take {nameOf(entry.type)} down to level {formatNumber(Math.max(0, built - 1))}?
            {rules?.formulas.demolish ? (
              <span class="muted"> Rule: {rules.formulas.demolish}.</span>
            ) : null}
          </p>
          <div class="actions">
            <button
              ref={confirmRef}
              type="button"
              class="danger"
              disabled={demolish.pending}
              onClick={() => void demolish.run()}
            >
              Confirm demolish
            </button>
            <button type="button" class="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      <ErrorText error={build.error ?? demolish.error} />
      {demolished ? (
        <p class="success" role="status">
          {demolished.queued
            ? `Demolition to level ${formatNumber(demolished.new_level)} queued.`
            : `Demolished to level ${formatNumber(demolished.new_level)}.`}{' '}
          <Refund refund={demolished.refund} />
        </p>
      ) : null}
    </UnitArticle>
  );
}

/** What an undone action gave back, as the server's reply says. */
function Refund({ refund }: { refund: Schemas['Resources'] }) {
  if (refund.metal <= 0 && refund.crystal <= 0 && refund.deuterium <= 0) {
    return <>Nothing was refunded.</>;
  }
  return (
    <>
      Refund: <Cost cost={refund} />
    </>
  );
}

function BuildQueue({ planetId, snapshot, refresh }: UnitsContext) {
  const { userId, nameOf, rules } = useGame();
  const [cancelled, setCancelled] = useState<Schemas['BuildCancelled'] | null>(null);
  const cancel = useAction(async (index: number) => {
    setCancelled(null);
    try {
      setCancelled(
        await ok(
          api.DELETE('/player/{user_id}/build-queue/{index}', {
            params: { path: { user_id: userId, index }, query: { planet_id: planetId } },
          }),
        ),
      );
    } finally {
      refresh();
    }
  });
  const queue = snapshot.build_queue;
  return (
    <section class="card queue-card" aria-labelledby="build-queue-title">
      <h2 id="build-queue-title">Build queue</h2>
      {queue.length === 0 ? (
        <Empty>Nothing is being built on this planet.</Empty>
      ) : (
        <ul class="queue" aria-label="Build queue">
          {queue.map((item, position) => (
            <BuildQueueRow
              key={item.id}
              item={item}
              running={position === 0}
              label={`${nameOf(item.type)} ${item.action === 'demolish' ? 'down to level' : 'level'} ${item.level}`}
              pending={cancel.pending}
              onCancel={() => void cancel.run(item.index)}
            />
          ))}
        </ul>
      )}
      <p class="muted queue-note">
        Cancelling an item also cancels the later levels of the same building.
        {rules?.formulas.cancel ? ` Rule: ${rules.formulas.cancel}.` : ''}
      </p>
      <ErrorText error={cancel.error} />
      {cancelled ? (
        <p class="success" role="status">
          Cancelled{' '}
          {cancelled.cancelled.map((item) => `${nameOf(item.type)} level ${item.level}`).join(', ')}
          . <Refund refund={cancelled.refund} />
        </p>
      ) : null}
    </section>
  );
}

function BuildQueueRow({
  item,
  running,
  label,
  pending,
  onCancel,
}: {
  item: QueueItem;
  running: boolean;
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const textId = `build-item-${item.id}`;
  return (
    <li>
      <span class="tag">{running ? 'Building' : 'Waiting'}</span>
      <span id={textId} class="queue-what">
        {label}
      </span>
      <Countdown until={item.completion_time} />
      <span class="muted">
        {running ? 'done at' : `starts ${formatTime(item.start_time)}, done at`}{' '}
        {formatTime(item.completion_time)}
      </span>
      <button
        type="button"
        class="ghost small queue-cancel"
        aria-describedby={textId}
        disabled={pending}
        onClick={onCancel}
      >
        Cancel
      </button>
    </li>
  );
}

/* ------------------------------------------------------------------- Research */

export function Research() {
  return <UnitsScreen title="Research">{(context) => <ResearchBody {...context} />}</UnitsScreen>;
}

function ResearchBody(context: UnitsContext) {
  const { catalog } = context;
  return (
    <>
      <ResearchQueue {...context} />
      {catalog.research.length === 0 ? (
        <Empty>This ruleset has no technologies.</Empty>
      ) : (
        <div class="unit-list">
          {catalog.research.map((entry) => (
            <ResearchCard key={entry.type} entry={entry} context={context} />
          ))}
        </div>
      )}
    </>
  );
}

function ResearchCard({ entry, context }: { entry: LevelEntry; context: UnitsContext }) {
  const { userId } = useGame();
  const { planetId, snapshot, refresh } = context;
  const running = snapshot.research_queue.find((item) => item.type === entry.type);
  const start = useAction(async () => {
    try {
      await ok(
        api.POST('/player/{user_id}/research', {
          params: { path: { user_id: userId } },
          body: { research_type: entry.type as ResearchType, planet_id: planetId },
        }),
      );
    } finally {
      refresh();
    }
  });
  const next = entry.level + 1;
  return (
    <UnitArticle type={entry.type} badge={<>Level {formatNumber(entry.level)}</>}>
      <dl class="facts">
        <Fact label={`Cost of level ${next}`}>
          <LiveCost cost={entry.next_cost} snapshot={snapshot} />
        </Fact>
        <Fact label="Duration">{formatDuration(entry.next_duration_seconds)}</Fact>
      </dl>
      <Requirements missing={entry.missing_requirements} />
      {running ? (
        <p class="unit-running">
          Researching level {formatNumber(running.level)}:{' '}
          <Countdown until={running.completion_time} />
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={start.pending || !entry.requirements_met}
          onClick={() => void start.run()}
        >
          Research level {next}
        </button>
      </div>
      <ErrorText error={start.error} />
    </UnitArticle>
  );
}

function ResearchQueue({ planetId, snapshot }: UnitsContext) {
  const { nameOf, rules, planets, link } = useGame();
  const queue = snapshot.research_queue;
  const policies = rules?.policies;
  const planetOf = (id: number) => planets.data?.find((planet) => planet.id === id);
  return (
    <section class="card queue-card" aria-labelledby="research-queue-title">
      <h2 id="research-queue-title">Research in progress</h2>
      {queue.length === 0 ? (
        <Empty>No research is running.</Empty>
      ) : (
        <ul class="queue" aria-label="Research queue">
          {queue.map((item) => {
            const lab = planetOf(item.planet_id);
            const here = item.planet_id === planetId;
            return (
              <li key={item.id}>
                <span class="tag">{here ? 'This planet' : 'Other planet'}</span>
                <span class="queue-what">
                  {nameOf(item.type)} level {formatNumber(item.level)}
                </span>
                <Countdown until={item.completion_time} />
                <span class="muted">
                  done at {formatTime(item.completion_time)}, in the lab of{' '}
                  {here ? (
                    (lab?.name ?? 'this planet')
                  ) : (
                    <a href={link('/research', { planet: item.planet_id })}>
                      {lab ? `${lab.name} ${formatCoords(lab)}` : `planet ${item.planet_id}`}
                    </a>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {policies ? (
        <p class="muted queue-note">
          {policies.maxConcurrentResearch === 1
            ? 'One research at a time'
            : `Up to ${formatNumber(policies.maxConcurrentResearch)} research at a time`}
          {policies.researchScope === 'player'
            ? ', across all your planets; levels count for every planet.'
            : ' on each planet; levels belong to the planet.'}{' '}
          Research once started cannot be cancelled.
        </p>
      ) : null}
    </section>
  );
}

/* ------------------------------------------------------------ Shipyard, Defense */

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
  const order = useAction(async (quantity: number) => {
    setQueuedMessage(null);
    try {
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
    } finally {
      refresh();
    }
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
      <dl class="facts">
        <Fact label="Cost per unit">
          <LiveCost cost={entry.next_cost} snapshot={snapshot} />
        </Fact>
        <Fact label="Time per unit">{formatDuration(entry.next_duration_seconds)}</Fact>
      </dl>
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
          onInput={(event) => setCount((event.target as HTMLInputElement).value)}
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
      {queuedMessage ? (
        <p class="success" role="status">
          {queuedMessage}
        </p>
      ) : null}
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
    <section class="card queue-card" aria-labelledby="shipyard-queue-title">
      <h2 id="shipyard-queue-title">Shipyard queue</h2>
      {queue.length === 0 ? (
        <Empty>The shipyard of this planet is idle.</Empty>
      ) : (
        <ul class="queue" aria-label="Shipyard queue">
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
        </ul>
      )}
      <p class="muted queue-note">
        Ships and defenses share this queue; orders are paid at once and delivered one by one.
        {limit ? ` Orders at a time: ${limit}.` : ''}
      </p>
    </section>
  );
}
