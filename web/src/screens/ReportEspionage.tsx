import { ok, type Schemas } from '@ogame-like/sdk';
import { Fact } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatDecimal, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useLoad } from '../lib/load';
import { RESOURCE_KINDS } from '../lib/resources';
import { inCatalogOrder, ReportScreen } from './ReportParts';

type Levels = Schemas['Levels'];
type EspionageReport = Schemas['EspionageReport'];

/** What a spy mission saw of a planet; each section the probes did not reveal says so. */
export function EspionageReportView({ id }: { id: number }) {
  const { userId, link } = useGame();
  const report = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/espionage-reports/{report_id}', {
          params: { path: { user_id: userId, report_id: id } },
        }),
      ),
    [userId, id],
  );
  return (
    <ReportScreen
      title="Espionage report"
      back={link('/reports', { tab: 'espionage' })}
      report={report}
    >
      {(data) => <EspionageBody data={data} />}
    </ReportScreen>
  );
}

function EspionageBody({ data }: { data: EspionageReport }) {
  const { userId, link, rules } = useGame();
  const snap = data.snapshot;
  const spied = data.attacker_user_id === userId;
  const target = {
    galaxy: data.location.galaxy,
    system: data.location.system,
    position: data.location.planet,
  };
  const typesOf = (category: 'building' | 'research' | 'ship' | 'defense') =>
    rules?.units[category].map((u) => u.type) ?? [];
  return (
    <div class="report-grid">
      <article class="card">
        <h2>
          {snap.planet.name} {formatCoords(data.location)}
        </h2>
        <dl class="facts">
          <Fact label="Owner">
            {snap.owner.user_id === userId
              ? 'You'
              : (snap.owner.name ?? `Player #${snap.owner.user_id}`)}
          </Fact>
          <Fact label="Time">
            <time dateTime={data.created_at}>{formatTime(data.created_at)}</time>
          </Fact>
          <Fact label="Spy">
            {spied ? 'You' : (data.attacker_name ?? `Player #${data.attacker_user_id}`)}
          </Fact>
          <Fact label="Size">{formatNumber(snap.planet.size)} km</Fact>
          <Fact label="Temperature">{formatDecimal(snap.planet.temperature)} °C</Fact>
          {snap.counter_espionage_chance !== undefined ? (
            <Fact label="Counter-espionage chance">
              {formatDecimal(snap.counter_espionage_chance)} %
            </Fact>
          ) : null}
        </dl>
        {spied ? (
          <p class="actions report-actions">
            <a class="button primary" href={link('/fleet', { ...target, mission: 'attack' })}>
              Attack this planet
            </a>
            <a class="button" href={link('/simulator', { espionage: data.id })}>
              Simulate an attack
            </a>
            <a class="button" href={link('/fleet', { ...target, mission: 'espionage' })}>
              Spy again
            </a>
          </p>
        ) : (
          <p class="hostile">Your planet was spied on.</p>
        )}
      </article>

      <article class="card">
        <h2>Resources</h2>
        {snap.resources ? (
          <table class="table">
            <tbody>
              {RESOURCE_KINDS.map((kind) => (
                <tr key={kind}>
                  <th scope="row" class={`res-${kind}`}>
                    {kind}
                  </th>
                  <td class="num">{formatNumber(snap.resources?.[kind] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <NotRevealed />
        )}
      </article>

      <LevelsCard title="Fleet" levels={snap.fleet} order={typesOf('ship')} none="No ships." />
      <LevelsCard
        title="Defenses"
        levels={snap.defenses}
        order={typesOf('defense')}
        none={
          rules && rules.units.defense.length === 0
            ? 'This ruleset has no defenses.'
            : 'No defenses.'
        }
      />
      <LevelsCard
        title="Buildings"
        levels={snap.buildings}
        order={typesOf('building')}
        none="No buildings."
        levelled
      />
      <LevelsCard
        title="Research"
        levels={snap.research}
        order={typesOf('research')}
        none="No research."
        levelled
      />
    </div>
  );
}

function NotRevealed() {
  return <p class="empty">Not revealed: send more probes or raise your espionage technology.</p>;
}

function LevelsCard({
  title,
  levels,
  order,
  none,
  levelled = false,
}: {
  title: string;
  levels: Levels | null;
  order: readonly string[];
  none: string;
  levelled?: boolean;
}) {
  const { nameOf } = useGame();
  let body;
  if (!levels) body = <NotRevealed />;
  else {
    const types = inCatalogOrder(
      Object.keys(levels).filter((type) => (levels[type] ?? 0) > 0),
      order,
    );
    body =
      types.length === 0 ? (
        <p class="empty">{none}</p>
      ) : (
        <table class="table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{levelled ? 'Name' : 'Unit'}</th>
              <th scope="col" class="num">
                {levelled ? 'Level' : 'Count'}
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type}>
                <th scope="row">{nameOf(type)}</th>
                <td class="num">{formatNumber(levels[type] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
  return (
    <article class="card">
      <h2>{title}</h2>
      {body}
    </article>
  );
}
