import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import type { ComponentChildren, VNode } from 'preact';
import { Empty, ErrorText, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { SNAPSHOT_EVENTS, useGame, type Snapshot } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad, type Loaded } from '../lib/load';
import './UnitCard.css';

// What the four unit screens (buildings, research, shipyard, defense) share around their cards:
// the planet's catalog (next price, duration and missing requirements of every unit, from the
// server), read again after each action and on the live messages that change it; the queue
// card above the units, and the grid of cards.

export type Catalog = Schemas['Catalog'];

/** Everything a unit screen needs once the planet, its snapshot and its catalog are known. */
export interface UnitsContext {
  planetId: number;
  snapshot: Snapshot;
  catalog: Catalog;
  /** Reads the catalog and the snapshot again: after each action of the player. */
  refresh: () => void;
}

/** Messages after which a price, a level or a requirement in the catalog may have changed. */
const CATALOG_EVENTS = [...SNAPSHOT_EVENTS, 'replay_complete'] as const;

function useCatalog(userId: number, planetId: number): Loaded<Catalog> {
  const catalog = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/catalog', {
          params: { path: { user_id: userId }, query: { planet_id: planetId } },
        }),
      ),
    [userId, planetId],
  );
  useMessages(CATALOG_EVENTS, () => catalog.reload());
  return catalog;
}

/** A unit screen's frame: waits for the planet, its snapshot and its catalog. */
export function UnitsScreen({
  title,
  children,
}: {
  title: string;
  children: (context: UnitsContext) => ComponentChildren;
}) {
  const { planetId, snapshot } = useGame();
  if (planetId === undefined || !snapshot.data) {
    return (
      <Screen title={title}>
        {snapshot.error ? <ErrorText error={snapshot.error} /> : <Loading />}
      </Screen>
    );
  }
  return (
    <Screen title={title}>
      <CatalogLoader key={planetId} planetId={planetId}>
        {children}
      </CatalogLoader>
    </Screen>
  );
}

function CatalogLoader({
  planetId,
  children,
}: {
  planetId: number;
  children: (context: UnitsContext) => ComponentChildren;
}) {
  const { userId, snapshot } = useGame();
  const catalog = useCatalog(userId, planetId);
  if (!catalog.data || !snapshot.data) {
    return catalog.error ? (
      <ErrorText error={catalog.error} />
    ) : (
      <Loading what="Loading the catalog" />
    );
  }
  return (
    <>
      {catalog.error ? <ErrorText error={catalog.error} /> : null}
      {children({
        planetId,
        snapshot: snapshot.data,
        catalog: catalog.data,
        refresh: () => {
          catalog.reload();
          snapshot.reload();
        },
      })}
    </>
  );
}

/** The cards of a unit screen, or what to say when the ruleset has none. */
export function UnitGrid<E extends { type: string }>({
  entries,
  none,
  card,
}: {
  entries: readonly E[];
  none: ComponentChildren;
  card: (entry: E) => VNode;
}) {
  if (entries.length === 0) return <Empty>{none}</Empty>;
  return <div class="unit-list">{entries.map(card)}</div>;
}

/** The queue above a unit screen's cards: the items under way, else `idle`; then a note. */
export function QueueCard({
  id,
  title,
  label,
  queued,
  idle,
  children,
  note,
}: {
  /** The heading's id, which names the card. */
  id: string;
  title: string;
  /** The list's accessible name. */
  label: string;
  /** How many items the queue holds. */
  queued: number;
  /** Shown instead of the list when nothing is queued. */
  idle: string;
  children: ComponentChildren;
  note?: ComponentChildren;
}) {
  return (
    <section class="card queue-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {queued === 0 ? (
        <Empty>{idle}</Empty>
      ) : (
        <ul class="queue" aria-label={label}>
          {children}
        </ul>
      )}
      {note}
    </section>
  );
}
