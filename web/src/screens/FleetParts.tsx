import type { Schemas, ServerMessageType } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { Countdown, Empty, ErrorText } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction } from '../lib/load';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';

// Pieces of the fleet screen: the mission names and the lists of fleets in flight.

export type Mission = Schemas['Mission'];
export type FleetOverview = Schemas['FleetOverview'];
export type FlyingFleet = Schemas['Fleet'];
export type IncomingFleet = Schemas['IncomingFleet'];
export type FlightPreview = Schemas['FlightPreview'];

/** Every mission of the contract's enum (the Record makes a new one a type error here). */
export const MISSION_LABELS: Record<Mission, string> = {
  attack: 'Attack',
  transfer: 'Transport',
  deploy: 'Deploy',
  espionage: 'Espionage',
  colonize: 'Colonize',
  recycle: 'Recycle',
};
export const MISSIONS = Object.keys(MISSION_LABELS) as Mission[];

export function isMission(value: string | undefined): value is Mission {
  return value !== undefined && value in MISSION_LABELS;
}

/** The live messages after which the fleet overview may have changed. */
export const FLEET_EVENTS: readonly ServerMessageType[] = [
  'fleet_arrived',
  'fleet_returned',
  'incoming_attack',
  'battle_report',
  'ship_build_complete_batch',
  'colony_founded',
  'transport_received',
];

/** `3 × Light Fighter, 1 × Cruiser`. */
export function shipsText(
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

export function FleetsInFlight({
  missions,
  onChange,
}: {
  missions: FlyingFleet[];
  onChange: () => void;
}) {
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

export function IncomingFleets({ incoming }: { incoming: IncomingFleet[] }) {
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
