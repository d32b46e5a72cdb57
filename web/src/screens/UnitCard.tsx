import type { Schemas } from '@ogame-like/sdk';
import type { ComponentChildren } from 'preact';
import { Cost, Fact } from '../components/bits';
import { now } from '../lib/clock';
import { formatDuration } from '../lib/format';
import { useGame, type Snapshot } from '../lib/game';
import { useAction } from '../lib/load';
import { resourcesAt } from '../lib/resources';

// The card every unit of the four unit screens is shown in, and its parts: the next price and
// duration from the server's catalog, compared with the planet's resources as they grow, and
// what the unit still requires.

export type LevelEntry = Schemas['CatalogLevelEntry'];
export type UnitEntry = Schemas['CatalogUnitEntry'];
export type Missing = LevelEntry['missing_requirements'][number];

/** A unit's card: an `<article>` named by its `<h2>`, the unit's display name. */
export function UnitArticle({
  type,
  badge,
  children,
}: {
  type: string;
  badge: ComponentChildren;
  children: ComponentChildren;
}) {
  const { nameOf } = useGame();
  const headingId = `unit-${type}`;
  return (
    <article class="card unit" aria-labelledby={headingId} data-type={type}>
      <div class="unit-head">
        <h2 id={headingId}>{nameOf(type)}</h2>
        <span class="level">{badge}</span>
      </div>
      {children}
    </article>
  );
}

/** What the unit still needs: `Requires Energy Technology 3 (you have 1)`. */
export function Requirements({ missing }: { missing: readonly Missing[] }) {
  const { nameOf } = useGame();
  if (missing.length === 0) return null;
  return (
    <ul class="missing unit-missing">
      {missing.map((need) => (
        <li key={need.type}>
          Requires {nameOf(need.type)} {need.level} (you have {need.current})
        </li>
      ))}
    </ul>
  );
}

/**
 * A price, red where the planet has too little: compared with the planet's resources as they
 * grow between two server updates (the resource bar's projection), so it turns white on time.
 */
export function LiveCost({
  cost,
  snapshot,
}: {
  cost: Partial<Schemas['Cost']>;
  snapshot: Snapshot;
}) {
  return <Cost cost={cost} have={resourcesAt(snapshot, now.value)} />;
}

/** A unit's next price and how long it takes (the price red where the planet is short). */
export function PriceFacts({
  entry,
  snapshot,
  costLabel,
  timeLabel,
}: {
  entry: Pick<UnitEntry, 'next_cost' | 'next_duration_seconds'>;
  snapshot: Snapshot;
  costLabel: string;
  timeLabel: string;
}) {
  return (
    <dl class="facts">
      <Fact label={costLabel}>
        <LiveCost cost={entry.next_cost} snapshot={snapshot} />
      </Fact>
      <Fact label={timeLabel}>{formatDuration(entry.next_duration_seconds)}</Fact>
    </dl>
  );
}

/** The next level of a building or a technology: its price, its duration, what it still needs. */
export function NextLevel({ entry, snapshot }: { entry: LevelEntry; snapshot: Snapshot }) {
  return (
    <>
      <PriceFacts
        entry={entry}
        snapshot={snapshot}
        costLabel={`Cost of level ${entry.level + 1}`}
        timeLabel="Duration"
      />
      <Requirements missing={entry.missing_requirements} />
    </>
  );
}

/** What an undone action gave back, as the server's reply says. */
export function Refund({ refund }: { refund: Schemas['Resources'] }) {
  if (refund.metal <= 0 && refund.crystal <= 0 && refund.deuterium <= 0) {
    return <>Nothing was refunded.</>;
  }
  return (
    <>
      Refund: <Cost cost={refund} />
    </>
  );
}

/**
 * An action on the planet's units. Whatever the server answers, the catalog and the snapshot
 * are read again: a refused order may still mean that the figures shown were out of date.
 */
export function useUnitAction<A extends unknown[]>(
  refresh: () => void,
  action: (...args: A) => Promise<unknown>,
) {
  return useAction(async (...args: A) => {
    try {
      return await action(...args);
    } finally {
      refresh();
    }
  });
}
