import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ErrorText, SuccessText } from '../components/bits';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import { BuildQueue } from './BuildQueue';
import { NextLevel, Refund, UnitArticle, useUnitAction, type LevelEntry } from './UnitCard';
import { UnitGrid, UnitsScreen, type UnitsContext } from './UnitsScreen';

// The buildings of a planet: their levels, the next level's price, demolition, the build queue.

type BuildingType = Schemas['BuildingType'];

export function Buildings() {
  return <UnitsScreen title="Buildings">{(context) => <BuildingsBody {...context} />}</UnitsScreen>;
}

function BuildingsBody(context: UnitsContext) {
  const { catalog, snapshot } = context;
  return (
    <>
      <BuildQueue {...context} />
      <UnitGrid
        entries={catalog.buildings}
        none="This ruleset has no buildings."
        card={(entry) => (
          <BuildingCard
            key={entry.type}
            entry={entry}
            built={snapshot.buildings[entry.type] ?? 0}
            context={context}
          />
        )}
      />
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

  const build = useUnitAction(refresh, async () => {
    setDemolished(null);
    demolish.clear();
    await ok(
      api.POST('/player/{user_id}/build', {
        params: { path: { user_id: userId } },
        body: { building_type: type, planet_id: planetId },
      }),
    );
  });
  const demolish = useUnitAction(refresh, async () => {
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
    }
  });

  // The confirm button replaces the one just pressed: the keyboard focus moves onto it.
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The catalog's level is the one the queue reaches; the snapshot's is the one standing.
  const target = entry.level;
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
      <NextLevel entry={entry} snapshot={snapshot} />
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={build.pending || !entry.requirements_met}
          onClick={() => void build.run()}
        >
          Build level {target + 1}
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
      <SuccessText
        text={
          demolished ? (
            <>
              {demolished.queued
                ? `Demolition to level ${formatNumber(demolished.new_level)} queued.`
                : `Demolished to level ${formatNumber(demolished.new_level)}.`}{' '}
              <Refund refund={demolished.refund} />
            </>
          ) : null
        }
      />
    </UnitArticle>
  );
}
