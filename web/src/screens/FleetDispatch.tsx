import { ok } from '@ogame-like/sdk';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorText, SuccessText } from '../components/bits';
import { CoordinateFields, type CoordinateText } from '../components/CoordinateFields';
import { api } from '../lib/api';
import type { FleetOverview } from '../lib/fleet';
import { formatCoords, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction, type Loaded } from '../lib/load';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';
import { CargoFields, count, ShipPicker, type TypedCounts } from './FleetInputs';
import { PreviewView, useFlightPreview, type FlightRequest } from './FleetPreview';
import { isMission, MISSION_LABELS, MISSIONS, type Mission } from './Missions';

/** 100 % .. 10 %: the select's values are tenths, the API takes the fraction. */
const SPEED_STEPS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
const NO_CARGO: Record<ResourceKind, string> = { metal: '', crystal: '', deuterium: '' };

/** A whole number ≥ 1 typed in a field, else undefined. */
function positive(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * The dispatch form: ships, target (prefilled from a link of the galaxy view), mission, speed,
 * the server's preview of the flight, and cargo.
 */
export function FleetDispatchForm({ fleet }: { fleet: Loaded<FleetOverview> }) {
  const { userId, planetId, snapshot, rules } = useGame();
  const { query } = useLocation();

  // Fields hold the text typed; the request is built from them.
  const [counts, setCounts] = useState<TypedCounts>({});
  const [coords, setCoords] = useState<CoordinateText>({
    galaxy: query.galaxy ?? '',
    system: query.system ?? '',
    position: query.position ?? '',
  });
  const [mission, setMission] = useState<Mission>(
    isMission(query.mission) ? query.mission : 'transfer',
  );
  const [speed, setSpeed] = useState(10);
  const [cargo, setCargo] = useState<Record<ResourceKind, string>>(NO_CARGO);
  const [sent, setSent] = useState<string | null>(null);

  // A link from the galaxy (or a new one while here) fills the target in.
  useEffect(() => {
    setCoords((c) => ({
      galaxy: query.galaxy || c.galaxy,
      system: query.system || c.system,
      position: query.position || c.position,
    }));
    if (isMission(query.mission)) setMission(query.mission);
  }, [query.galaxy, query.system, query.position, query.mission]);

  // Without one, the target starts in the planet's own system.
  const home = snapshot.data?.position;
  useEffect(() => {
    if (!home || query.galaxy) return;
    setCoords((c) => ({
      ...c,
      galaxy: c.galaxy || String(home.galaxy),
      system: c.system || String(home.system),
    }));
  }, [home?.galaxy, home?.system]);

  // A new planet: start over with its ships.
  useEffect(() => {
    setCounts({});
    setSent(null);
  }, [planetId]);

  const stats = snapshot.data?.ship_stats ?? {};
  const onHand = fleet.data?.fleet ?? {};
  const order = rules?.units.ship.map((unit) => unit.type) ?? Object.keys(onHand);
  const available = order.filter((type) => (onHand[type] ?? 0) > 0);
  const flying = available.filter((type) => (stats[type]?.speed ?? 1) > 0);
  const grounded = available.filter((type) => (stats[type]?.speed ?? 1) === 0);

  const selected: Record<string, number> = {};
  for (const type of flying) {
    const n = count(counts[type]);
    if (n > 0) selected[type] = n;
  }
  const anySelected = Object.keys(selected).length > 0;
  const target = {
    galaxy: positive(coords.galaxy),
    system: positive(coords.system),
    position: positive(coords.position),
  };
  const course = {
    mission,
    speed: speed / 10,
    ships: selected,
    ...(planetId ? { planet_id: planetId } : {}),
  };
  const request: FlightRequest | null =
    anySelected &&
    target.galaxy !== undefined &&
    target.system !== undefined &&
    target.position !== undefined
      ? { galaxy: target.galaxy, system: target.system, position: target.position, ...course }
      : null;
  const preview = useFlightPreview(request, fleet.data?.missions.length);

  const cargoAmounts = Object.fromEntries(
    RESOURCE_KINDS.map((kind) => [kind, count(cargo[kind])]),
  ) as Record<ResourceKind, number>;
  const cargoTotal = RESOURCE_KINDS.reduce((sum, kind) => sum + cargoAmounts[kind], 0);
  const capacity = preview.data?.cargo_capacity;

  const dispatch = useAction(async () => {
    setSent(null);
    const resources = Object.fromEntries(
      RESOURCE_KINDS.filter((kind) => cargoAmounts[kind] > 0).map((kind) => [
        kind,
        cargoAmounts[kind],
      ]),
    );
    const result = await ok(
      api.POST('/player/{user_id}/fleet/dispatch', {
        params: { path: { user_id: userId } },
        body: {
          // An incomplete target is sent as typed: the server's answer says what is wrong.
          galaxy: target.galaxy ?? Number(coords.galaxy),
          system: target.system ?? Number(coords.system),
          position: target.position ?? Number(coords.position),
          ...course,
          ...(Object.keys(resources).length > 0 ? { resources } : {}),
        },
      }),
    );
    setSent(
      `Fleet sent: ${MISSION_LABELS[result.mission] ?? result.mission} to ${formatCoords(result.target)}, arriving at ${formatTime(result.arrival_time)}.`,
    );
    setCounts({});
    setCargo(NO_CARGO);
    fleet.reload();
    snapshot.reload();
  });

  const resources = snapshot.data?.resources;
  const fillCargo = (kind: ResourceKind) => {
    const room = Math.max(0, (capacity ?? 0) - (cargoTotal - cargoAmounts[kind]));
    let have = Math.floor(resources?.[kind] ?? 0);
    if (kind === 'deuterium') have = Math.max(0, have - Math.ceil(preview.data?.fuel ?? 0));
    setCargo((c) => ({ ...c, [kind]: String(Math.min(room, have)) }));
  };

  return (
    <form
      class="card fleet-form"
      aria-labelledby="dispatch-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void dispatch.run();
      }}
    >
      <h2 id="dispatch-title">Dispatch fleet</h2>
      <div class="fleet-form-grid">
        <ShipPicker
          loaded={fleet.data !== undefined}
          flying={flying}
          grounded={grounded}
          onHand={onHand}
          counts={counts}
          setCounts={setCounts}
        />

        <div class="form">
          <h3>Target</h3>
          <div class="row">
            <CoordinateFields idPrefix="fleet" value={coords} onChange={setCoords} required />
          </div>
          <div class="row">
            <div class="field">
              <label for="fleet-mission">Mission</label>
              <select
                id="fleet-mission"
                value={mission}
                onChange={(event) => setMission(event.currentTarget.value as Mission)}
              >
                {MISSIONS.map((m) => (
                  <option key={m} value={m}>
                    {MISSION_LABELS[m]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="fleet-speed">Speed</label>
              <select
                id="fleet-speed"
                value={String(speed)}
                onChange={(event) => setSpeed(Number(event.currentTarget.value))}
              >
                {SPEED_STEPS.map((step) => (
                  <option key={step} value={String(step)}>
                    {step * 10} %
                  </option>
                ))}
              </select>
            </div>
          </div>

          <PreviewView preview={preview} resources={resources} anySelected={anySelected} />
          <CargoFields cargo={cargo} setCargo={setCargo} capacity={capacity} fill={fillCargo} />

          <div class="actions">
            <button type="submit" class="primary" disabled={dispatch.pending || !anySelected}>
              Send fleet
            </button>
            {!anySelected && fleet.data && flying.length > 0 ? (
              <span class="muted">Choose at least one ship.</span>
            ) : null}
          </div>
          <ErrorText error={dispatch.error} />
          <SuccessText text={sent} />
        </div>
      </div>
    </form>
  );
}
