import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { Countdown, ErrorText } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { NextLevel, UnitArticle, useUnitAction, type LevelEntry } from './UnitCard';
import { QueueCard, UnitGrid, UnitsScreen, type UnitsContext } from './UnitsScreen';

// The technologies: one lab at a time (or more, as the rules say), possibly on another planet.

type ResearchType = Schemas['ResearchType'];

export function Research() {
  return <UnitsScreen title="Research">{(context) => <ResearchBody {...context} />}</UnitsScreen>;
}

function ResearchBody(context: UnitsContext) {
  const { catalog } = context;
  return (
    <>
      <ResearchQueue {...context} />
      <UnitGrid
        entries={catalog.research}
        none="This ruleset has no technologies."
        card={(entry) => <ResearchCard key={entry.type} entry={entry} context={context} />}
      />
    </>
  );
}

function ResearchCard({ entry, context }: { entry: LevelEntry; context: UnitsContext }) {
  const { userId } = useGame();
  const { planetId, snapshot, refresh } = context;
  const running = snapshot.research_queue.find((item) => item.type === entry.type);
  const start = useUnitAction(refresh, () =>
    ok(
      api.POST('/player/{user_id}/research', {
        params: { path: { user_id: userId } },
        body: { research_type: entry.type as ResearchType, planet_id: planetId },
      }),
    ),
  );
  return (
    <UnitArticle type={entry.type} badge={<>Level {formatNumber(entry.level)}</>}>
      <NextLevel entry={entry} snapshot={snapshot} />
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
          Research level {entry.level + 1}
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
    <QueueCard
      id="research-queue-title"
      title="Research in progress"
      label="Research queue"
      queued={queue.length}
      idle="No research is running."
      note={
        policies ? (
          <p class="muted queue-note">
            {policies.maxConcurrentResearch === 1
              ? 'One research at a time'
              : `Up to ${formatNumber(policies.maxConcurrentResearch)} research at a time`}
            {policies.researchScope === 'player'
              ? ', across all your planets; levels count for every planet.'
              : ' on each planet; levels belong to the planet.'}{' '}
            Research once started cannot be cancelled.
          </p>
        ) : null
      }
    >
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
    </QueueCard>
  );
}
