import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { Countdown, Empty, ErrorText, Loading } from '../components/bits';
import { api } from '../lib/api';
import type { FleetOverview } from '../lib/fleet';
import { formatCoords, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction, type Loaded } from '../lib/load';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';
import { MISSION_LABELS } from './Missions';

// The fleet screen's lists: the player's fleets in flight (with recall), the fleets on their way
// to the player's planets, and what stays at home (defenses, the shipyard's queue).

type FlyingFleet = Schemas['Fleet'];
type IncomingFleet = Schemas['IncomingFleet'];

/** The four cards below the dispatch form. */
export function FleetLists({ fleet }: { fleet: Loaded<FleetOverview> }) {
  const { rules, nameOf } = useGame();
  const data = fleet.data;
  return (
    <div class="grid two fleet-lists">
      <article class="card">
        <h2>Fleets in flight</h2>
        {data ? (
          <FleetsInFlight missions={data.missions} onChange={() => fleet.reload()} />
        ) : (
          <Loading />
        )}
      </article>
      <article class="card">
        <h2>Incoming fleets</h2>
        {data ? <IncomingFleets incoming={data.incoming} /> : <Loading />}
      </article>
      <article class="card">
        <h2>Defenses</h2>
        {!data ? (
          <Loading />
        ) : rules && rules.units.defense.length === 0 ? (
          <Empty>This universe has no defenses.</Empty>
        ) : Object.values(data.defenses).every((n) => n === 0) ? (
          <Empty>No defenses on this planet.</Empty>
        ) : (
          <ul class="unit-counts">
            {Object.entries(data.defenses)
              .filter(([, n]) => n > 0)
              .map(([type, n]) => (
                <li key={type}>
                  <span>{nameOf(type)}</span> <span class="num">{formatNumber(n)}</span>
                </li>
              ))}
          </ul>
        )}
      </article>
      <article class="card">
        <h2>Shipyard queue</h2>
        {!data ? (
          <Loading />
        ) : data.ship_build_queue.length === 0 ? (
          <Empty>The shipyard is idle.</Empty>
        ) : (
          <ul class="queue" aria-label="Shipyard queue">
            {data.ship_build_queue.map((item) => (
              <li key={item.id}>
                {formatNumber(item.count - item.delivered)} × {nameOf(item.type)}{' '}
                <Countdown until={item.completion_time} />
              </li>
            ))}
          </ul>
        )}
      </article>
    </div>
  );
}

/** `3 × Light Fighter, 1 × Cruiser`. */
function shipsText(
  ships: Record<string, number> | null | undefined,
  nameOf: (type: string) => string,
): string {
  if (!ships) return 'ships unknown';
  const parts = Object.entries(ships)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${formatNumber(count)} × ${nameOf(type)}`);
  return parts.length > 0 ? parts.join(', ') : 'no ships';
}

function cargoText(cargo: Resources): string | null {
  const parts = RESOURCE_KINDS.filter((kind) => cargo[kind] > 0).map(
    (kind) => `${formatNumber(cargo[kind])} ${kind}`,
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

/** What the countdown of a fleet runs to, by state. */
function nextStep(fleet: FlyingFleet): { until: string; what: string } {
  if (fleet.state === 'outbound') return { until: fleet.arrival_time, what: 'Arrives in' };
  if (fleet.state === 'holding') {
    return {
      until: fleet.hold_until ?? fleet.return_time ?? fleet.arrival_time,
      what: 'Leaves in',
    };
  }
  return { until: fleet.return_time ?? fleet.arrival_time, what: 'Home in' };
}

function FleetsInFlight({ missions, onChange }: { missions: FlyingFleet[]; onChange: () => void }) {
  if (missions.length === 0) return <Empty>No fleet of yours is in flight.</Empty>;
  return (
    <ul class="queue fleet-list" aria-label="Fleets in flight">
      {missions.map((fleet) => (
        <FlyingItem key={fleet.id} fleet={fleet} onChange={onChange} />
      ))}
    </ul>
  );
}

function FlyingItem({ fleet, onChange }: { fleet: FlyingFleet; onChange: () => void }) {
  const { userId, nameOf, planets } = useGame();
  const recall = useAction(async () => {
    await ok(
      api.POST('/player/{user_id}/fleet/{fleet_id}/recall', {
        params: { path: { user_id: userId, fleet_id: fleet.id } },
      }),
    );
    onChange();
  });
  const step = nextStep(fleet);
  const originName = planets.data?.find((p) => p.id === fleet.origin.planet_id)?.name;
  const cargo = cargoText(fleet.cargo);
  const describedBy = `fleet-${fleet.id}-what`;
  return (
    <li class="fleet-item">
      <div class="fleet-line" id={describedBy}>
        <span class="tag">{fleet.state}</span>{' '}
        <strong>{MISSION_LABELS[fleet.mission] ?? fleet.mission}</strong>{' '}
        <span>
          {originName ? `${originName} ` : ''}
          {formatCoords(fleet.origin)} → {formatCoords(fleet.target)}
        </span>
        {fleet.recalled ? <span class="muted"> (recalled)</span> : null}
      </div>
      <div class="fleet-line muted">
        {shipsText(fleet.ships, nameOf)}
        {cargo ? ` · cargo ${cargo}` : ''}
      </div>
      <div class="fleet-line">
        {step.what} <Countdown until={step.until} done="now" />{' '}
        <span class="muted">
          {fleet.state === 'returning'
            ? fleet.recalled
              ? ''
              : `· arrived ${formatTime(fleet.arrival_time)}`
            : `· arrival ${formatTime(fleet.arrival_time)}`}
          {fleet.return_time ? ` · back ${formatTime(fleet.return_time)}` : ''}
        </span>
        {fleet.state !== 'returning' ? (
          <button
            type="button"
            class="danger small"
            aria-describedby={describedBy}
            disabled={recall.pending}
            onClick={() => void recall.run()}
          >
            Recall
          </button>
        ) : null}
      </div>
      <ErrorText error={recall.error} />
    </li>
  );
}

function IncomingFleets({ incoming }: { incoming: IncomingFleet[] }) {
  const { nameOf, planets } = useGame();
  if (incoming.length === 0) return <Empty>No fleet is on its way to your planets.</Empty>;
  return (
    <ul class="queue fleet-list" aria-label="Incoming fleets">
      {incoming.map((fleet) => {
        const targetName = planets.data?.find((p) => p.id === fleet.target.planet_id)?.name;
        return (
          <li key={fleet.id} class={`fleet-item ${fleet.hostile ? 'hostile' : ''}`}>
            <div class="fleet-line">
              <span class="tag">{fleet.hostile ? 'Hostile' : 'Friendly'}</span>{' '}
              <strong>{MISSION_LABELS[fleet.mission] ?? fleet.mission}</strong>{' '}
              <span>
                from {formatCoords(fleet.origin)} → {targetName ? `${targetName} ` : ''}
                {formatCoords(fleet.target)}
              </span>
            </div>
            <div class="fleet-line muted">
              {fleet.ships ? shipsText(fleet.ships, nameOf) : 'Ships hidden'}
            </div>
            <div class="fleet-line">
              Arrives in <Countdown until={fleet.arrival_time} done="now" />{' '}
              <span class="muted">· {formatTime(fleet.arrival_time)}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
