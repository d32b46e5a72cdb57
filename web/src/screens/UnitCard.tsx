import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import type { ComponentChildren } from 'preact';
import { Cost, ErrorText, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { now } from '../lib/clock';
import { SNAPSHOT_EVENTS, useGame, type Snapshot } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad, type Loaded } from '../lib/load';
import { projectResources } from '../lib/resources';

// What the four unit screens (buildings, research, shipyard, defense) share: the planet's
// catalog (next price, duration and missing requirements of every unit, from the server), the
// card every unit is shown in, and prices compared with the planet's resources as they grow.

export type Catalog = Schemas['Catalog'];
export type LevelEntry = Schemas['CatalogLevelEntry'];
export type UnitEntry = Schemas['CatalogUnitEntry'];
export type Missing = LevelEntry['missing_requirements'][number];

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
  const elapsed = Math.max(0, (now.value - Date.parse(snapshot.server_time)) / 1000);
  const have = projectResources(
    snapshot.resources,
    snapshot.production,
    snapshot.capacity,
    elapsed,
  );
  return <Cost cost={cost} have={have} />;
}
