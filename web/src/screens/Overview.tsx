import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Countdown, Empty, ErrorText, Fact, Loading, Screen } from '../components/bits';
import { PlanetPicture } from '../components/PlanetPicture';
import { api } from '../lib/api';
import { useFleetOverview } from '../lib/fleet';
import { formatCoords, formatDecimal, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction } from '../lib/load';
import { RESOURCE_KINDS } from '../lib/resources';

/** The planet at a glance: picture and data, production, energy, every queue, fleets in flight. */
export function Overview() {
  const { snapshot, nameOf, link } = useGame();
  const fleet = useFleetOverview();

  const snap = snapshot.data;
  if (!snap)
    return (
      <Screen title="Overview">
        {snapshot.error ? <ErrorText error={snapshot.error} /> : <Loading />}
      </Screen>
    );

  const queues = [
    ...snap.build_queue.map((item) => ({
      key: `b${item.id}`,
      what: `${nameOf(item.type)} ${item.action === 'demolish' ? '(demolish) ' : ''}→ ${item.level}`,
      until: item.completion_time,
      kind: 'Building',
    })),
    ...snap.research_queue.map((item) => ({
      key: `r${item.id}`,
      what: `${nameOf(item.type)} → ${item.level}`,
      until: item.completion_time,
      kind: 'Research',
    })),
    ...snap.ship_build_queue.map((item) => ({
      key: `s${item.id}`,
      what: `${formatNumber(item.count - item.delivered)} × ${nameOf(item.type)}`,
      until: item.completion_time,
      kind: 'Shipyard',
    })),
  ];

  return (
    <Screen title={`Overview · ${snap.planet.name}`}>
      <div class="overview-grid">
        <article class="card planet-card">
          <PlanetPicture
            temperature={snap.planet.temperature}
            size={snap.planet.size}
            name={snap.planet.name}
          />
          <div>
            <RenamePlanet key={snap.planet.id} planetId={snap.planet.id} name={snap.planet.name} />
            <dl class="facts">
              <Fact label="Position">{formatCoords(snap.position)}</Fact>
              <Fact label="Size">{formatNumber(snap.planet.size)} km</Fact>
              <Fact label="Temperature">{formatDecimal(snap.planet.temperature)} °C</Fact>
              <Fact label="Points">
                {formatNumber(snap.highscore.points)}
                {snap.highscore.rank
                  ? ` (rank ${snap.highscore.rank} of ${snap.highscore.players})`
                  : ''}
              </Fact>
            </dl>
          </div>
        </article>

        <article class="card">
          <h2>Production per hour</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col" class="num">
                  Per hour
                </th>
                <th scope="col" class="num">
                  Storage
                </th>
              </tr>
            </thead>
            <tbody>
              {RESOURCE_KINDS.map((kind) => (
                <tr key={kind}>
                  <th scope="row" class={`res-${kind}`}>
                    {kind}
                  </th>
                  <td class="num">{formatNumber(snap.production[kind])}</td>
                  <td class="num">{formatNumber(snap.capacity[kind])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Energy</h2>
          <dl class="facts">
            <Fact label="Produced">{formatNumber(snap.energy.produced)}</Fact>
            <Fact label="Consumed">{formatNumber(snap.energy.consumed)}</Fact>
            <Fact label="Mine output">
              <span class={snap.energy.factor < 1 ? 'warn' : ''}>
                {Math.round(snap.energy.factor * 100)} %
              </span>
            </Fact>
          </dl>
        </article>

        <article class="card">
          <h2>Queues</h2>
          {queues.length === 0 ? (
            <Empty>
              Nothing is being built. Start with a <a href={link('/buildings')}>building</a>.
            </Empty>
          ) : (
            <ul class="queue" aria-label="Everything in progress">
              {queues.map((item) => (
                <li key={item.key}>
                  <span class="tag">{item.kind}</span> {item.what} <Countdown until={item.until} />
                </li>
              ))}
            </ul>
          )}
        </article>

        <article class="card">
          <h2>Fleets</h2>
          {fleet.error ? <ErrorText error={fleet.error} /> : null}
          {!fleet.data ? (
            <Loading />
          ) : fleet.data.missions.length === 0 && fleet.data.incoming.length === 0 ? (
            <Empty>
              No fleet is in flight. <a href={link('/fleet')}>Send one</a>.
            </Empty>
          ) : (
            <ul class="queue" aria-label="Fleets in flight">
              {fleet.data.incoming.map((f) => (
                <li key={`in${f.id}`} class={f.hostile ? 'hostile' : ''}>
                  <span class="tag">{f.hostile ? 'Hostile' : 'Incoming'}</span> {f.mission} from{' '}
                  {formatCoords(f.origin)} <Countdown until={f.arrival_time} />
                </li>
              ))}
              {fleet.data.missions.map((f) => {
                const until =
                  f.state === 'returning' ? (f.return_time ?? f.arrival_time) : f.arrival_time;
                return (
                  <li key={`out${f.id}`}>
                    <span class="tag">{f.state}</span> {f.mission} → {formatCoords(f.target)}{' '}
                    <Countdown until={until} />
                    <span class="muted"> ({formatTime(until)})</span>
                  </li>
                );
              })}
            </ul>
          )}
        </article>
      </div>
    </Screen>
  );
}

function RenamePlanet({ planetId, name }: { planetId: number; name: string }) {
  const { userId, planets, snapshot } = useGame();
  const [editing, setEditing] = useState(false);
  const rename = useAction(async (next: string) => {
    await ok(
      api.PATCH('/player/{user_id}/planets/{planet_id}', {
        params: { path: { user_id: userId, planet_id: planetId } },
        body: { name: next },
      }),
    );
    planets.reload();
    snapshot.reload();
    setEditing(false);
  });
  if (!editing) {
    return (
      <h2 class="planet-name">
        {name}{' '}
        <button type="button" class="ghost small" onClick={() => setEditing(true)}>
          Rename
        </button>
      </h2>
    );
  }
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget as HTMLFormElement).get('name');
        void rename.run(String(value ?? ''));
      }}
    >
      <label>
        <span class="sr-only">New planet name</span>
        <input name="name" defaultValue={name} required />
      </label>
      <button type="submit" class="primary small" disabled={rename.pending}>
        Save
      </button>
      <button type="button" class="ghost small" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <ErrorText error={rename.error} />
    </form>
  );
}
