import { ok } from '@ogame-like/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Countdown, Empty, ErrorText, Fact, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { now } from '../lib/clock';
import { formatCoords, formatDuration, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { errorText, useAction, useLoad } from '../lib/load';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';
import {
  FLEET_EVENTS,
  FleetsInFlight,
  IncomingFleets,
  MISSION_LABELS,
  MISSIONS,
  isMission,
  type FlightPreview,
  type Mission,
} from './FleetParts';
import './Fleet.css';

/** 100 % .. 10 %: the select's values are tenths, the API takes the fraction. */
const SPEED_STEPS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
const PREVIEW_DELAY_MS = 300;

/** A whole number ≥ 1 typed in a field, else undefined. */
function positive(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** A count typed in a field: 0 when empty or not a whole number ≥ 0. */
function count(text: string | undefined): number {
  const value = Number(text ?? '');
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

interface PreviewState {
  data: FlightPreview | null;
  error: string | null;
  pending: boolean;
  /** The page clock when the preview was answered: its times are "if sent then". */
  at: number;
}

const NO_PREVIEW: PreviewState = { data: null, error: null, pending: false, at: 0 };

export function Fleet() {
  const { userId, planetId, snapshot, rules, nameOf } = useGame();
  const { query } = useLocation();

  const fleet = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/fleet', {
          params: { path: { user_id: userId }, query: planetId ? { planet_id: planetId } : {} },
        }),
      ),
    [userId, planetId],
  );
  useMessages(FLEET_EVENTS, () => fleet.reload());

  // The form. Fields hold the text typed; the request is built from them.
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [galaxy, setGalaxy] = useState(query.galaxy ?? '');
  const [system, setSystem] = useState(query.system ?? '');
  const [position, setPosition] = useState(query.position ?? '');
  const [mission, setMission] = useState<Mission>(
    isMission(query.mission) ? query.mission : 'transfer',
  );
  const [speed, setSpeed] = useState(10);
  const [cargo, setCargo] = useState<Record<ResourceKind, string>>({
    metal: '',
    crystal: '',
    deuterium: '',
  });
  const [sent, setSent] = useState<string | null>(null);

  // A link from the galaxy (or a new one while here) fills the target in.
  useEffect(() => {
    if (query.galaxy) setGalaxy(query.galaxy);
    if (query.system) setSystem(query.system);
    if (query.position) setPosition(query.position);
    if (isMission(query.mission)) setMission(query.mission);
  }, [query.galaxy, query.system, query.position, query.mission]);

  // Without one, the target starts in the planet's own system.
  const home = snapshot.data?.position;
  useEffect(() => {
    if (!home || query.galaxy) return;
    setGalaxy((g) => g || String(home.galaxy));
    setSystem((s) => s || String(home.system));
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
    galaxy: positive(galaxy),
    system: positive(system),
    position: positive(position),
  };
  const targetComplete =
    target.galaxy !== undefined && target.system !== undefined && target.position !== undefined;

  // The preview follows the form: one request ~300 ms after the last change, the newest wins.
  const [preview, setPreview] = useState<PreviewState>(NO_PREVIEW);
  const generation = useRef(0);
  // Fleets leaving or coming home change what the server allows (fleet slots): ask again then.
  const inFlight = fleet.data?.missions.length;
  const previewKey = JSON.stringify([selected, target, mission, speed, planetId, inFlight]);
  useEffect(() => {
    const mine = ++generation.current;
    if (!anySelected || !targetComplete) {
      setPreview(NO_PREVIEW);
      return;
    }
    setPreview((p) => ({ ...p, pending: true }));
    const timer = setTimeout(() => {
      ok(
        api.POST('/player/{user_id}/fleet/preview', {
          params: { path: { user_id: userId } },
          body: {
            galaxy: target.galaxy!,
            system: target.system!,
            position: target.position!,
            mission,
            speed: speed / 10,
            ships: selected,
            ...(planetId ? { planet_id: planetId } : {}),
          },
        }),
      ).then(
        (data) => {
          if (mine === generation.current) {
            setPreview({ data, error: null, pending: false, at: now.value });
          }
        },
        (failure: unknown) => {
          if (mine === generation.current) {
            setPreview({ data: null, error: errorText(failure), pending: false, at: 0 });
          }
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [previewKey]);

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
          galaxy: target.galaxy ?? Number(galaxy),
          system: target.system ?? Number(system),
          position: target.position ?? Number(position),
          mission,
          speed: speed / 10,
          ships: selected,
          ...(Object.keys(resources).length > 0 ? { resources } : {}),
          ...(planetId ? { planet_id: planetId } : {}),
        },
      }),
    );
    setSent(
      `Fleet sent: ${MISSION_LABELS[result.mission] ?? result.mission} to ${formatCoords(result.target)}, arriving at ${formatTime(result.arrival_time)}.`,
    );
    setCounts({});
    setCargo({ metal: '', crystal: '', deuterium: '' });
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

  const shift = preview.data ? now.value - preview.at : 0;
  const later = (iso: string) => formatTime(Date.parse(iso) + shift);

  return (
    <Screen title="Fleet">
      {fleet.error ? <ErrorText error={fleet.error} /> : null}
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
          <div>
            <h3>Ships</h3>
            {!fleet.data ? (
              <Loading what="Loading ships" />
            ) : flying.length === 0 ? (
              <Empty>No ship that can fly is stationed on this planet.</Empty>
            ) : (
              <>
                <ul class="ship-picker">
                  {flying.map((type) => {
                    const id = `ship-${type}`;
                    const have = onHand[type] ?? 0;
                    const ship = stats[type];
                    const wanted = count(counts[type]);
                    return (
                      <li key={type} class="ship-pick">
                        <label for={id}>{nameOf(type)}</label>
                        <span class="muted ship-info" id={`${id}-info`}>
                          {formatNumber(have)} on hand
                          {ship
                            ? ` · speed ${formatNumber(ship.speed)} · cargo ${formatNumber(ship.cargo)}`
                            : ''}
                        </span>
                        <span class="ship-controls">
                          <input
                            id={id}
                            type="number"
                            inputMode="numeric"
                            min={0}
                            max={have}
                            step={1}
                            placeholder="0"
                            aria-describedby={`${id}-info`}
                            class={wanted > have ? 'over' : ''}
                            value={counts[type] ?? ''}
                            onInput={(event) => {
                              const value = (event.target as HTMLInputElement).value;
                              setCounts((c) => ({ ...c, [type]: value }));
                            }}
                          />
                          <button
                            type="button"
                            class="ghost small"
                            onClick={() => setCounts((c) => ({ ...c, [type]: String(have) }))}
                          >
                            All<span class="sr-only"> {nameOf(type)}</span>
                          </button>
                        </span>
                      </li>
                    );
                  })}
                </ul>
                <div class="actions">
                  <button
                    type="button"
                    class="ghost small"
                    onClick={() =>
                      setCounts(
                        Object.fromEntries(flying.map((type) => [type, String(onHand[type] ?? 0)])),
                      )
                    }
                  >
                    All ships
                  </button>
                  <button type="button" class="ghost small" onClick={() => setCounts({})}>
                    No ships
                  </button>
                </div>
              </>
            )}
            {grounded.length > 0 ? (
              <p class="muted small-print">
                Stationary, cannot fly: {grounded.map((type) => nameOf(type)).join(', ')}.
              </p>
            ) : null}
          </div>

          <div class="form">
            <h3>Target</h3>
            <div class="row">
              <div class="field">
                <label for="fleet-galaxy">Galaxy</label>
                <input
                  id="fleet-galaxy"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  required
                  value={galaxy}
                  onInput={(event) => setGalaxy((event.target as HTMLInputElement).value)}
                />
              </div>
              <div class="field">
                <label for="fleet-system">System</label>
                <input
                  id="fleet-system"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  required
                  value={system}
                  onInput={(event) => setSystem((event.target as HTMLInputElement).value)}
                />
              </div>
              <div class="field">
                <label for="fleet-position">Position</label>
                <input
                  id="fleet-position"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  required
                  value={position}
                  onInput={(event) => setPosition((event.target as HTMLInputElement).value)}
                />
              </div>
            </div>
            <div class="row">
              <div class="field">
                <label for="fleet-mission">Mission</label>
                <select
                  id="fleet-mission"
                  value={mission}
                  onChange={(event) =>
                    setMission((event.target as HTMLSelectElement).value as Mission)
                  }
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
                  onChange={(event) => setSpeed(Number((event.target as HTMLSelectElement).value))}
                >
                  {SPEED_STEPS.map((step) => (
                    <option key={step} value={String(step)}>
                      {step * 10} %
                    </option>
                  ))}
                </select>
              </div>
            </div>

            <section class="preview" aria-label="Flight preview" aria-busy={preview.pending}>
              <h3>Flight preview</h3>
              {preview.error ? (
                <p class="error">{preview.error}</p>
              ) : preview.data ? (
                <dl class="facts">
                  <Fact label="Distance">{formatNumber(preview.data.distance)}</Fact>
                  <Fact label="Duration">{formatDuration(preview.data.duration_seconds)}</Fact>
                  <Fact label="Arrival">{later(preview.data.arrival_time)}</Fact>
                  {preview.data.return_time ? (
                    <Fact label="Return">{later(preview.data.return_time)}</Fact>
                  ) : null}
                  <Fact label="Fuel">
                    <span
                      class={
                        resources && preview.data.fuel > resources.deuterium ? 'short' : undefined
                      }
                    >
                      {formatNumber(Math.ceil(preview.data.fuel))} deuterium
                    </span>
                  </Fact>
                  <Fact label="Cargo capacity">{formatNumber(preview.data.cargo_capacity)}</Fact>
                  <Fact label="Fleet speed">
                    {formatNumber(preview.data.speed * preview.data.speed_fraction)}
                  </Fact>
                </dl>
              ) : preview.pending ? (
                <p class="muted">Working out the flight…</p>
              ) : (
                <p class="muted">
                  {anySelected
                    ? 'Enter the target coordinates to see the flight.'
                    : 'Choose ships to see the flight.'}
                </p>
              )}
            </section>

            <fieldset class="cargo">
              <legend>Cargo</legend>
              <div class="row">
                {RESOURCE_KINDS.map((kind) => (
                  <div key={kind} class="cargo-field">
                    <div class="field">
                      <label for={`cargo-${kind}`}>
                        {kind.charAt(0).toUpperCase() + kind.slice(1)}
                      </label>
                      <input
                        id={`cargo-${kind}`}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={capacity}
                        step={1}
                        placeholder="0"
                        value={cargo[kind]}
                        onInput={(event) => {
                          const value = (event.target as HTMLInputElement).value;
                          setCargo((c) => ({ ...c, [kind]: value }));
                        }}
                      />
                    </div>
                    <button
                      type="button"
                      class="ghost small"
                      disabled={!capacity}
                      onClick={() => fillCargo(kind)}
                    >
                      Max<span class="sr-only"> {kind}</span>
                    </button>
                  </div>
                ))}
              </div>
              <p
                class={`muted small-print ${capacity !== undefined && cargoTotal > capacity ? 'short' : ''}`}
              >
                {capacity !== undefined
                  ? `${formatNumber(cargoTotal)} of ${formatNumber(capacity)} loaded`
                  : 'The capacity shows once the flight is worked out.'}
              </p>
            </fieldset>

            <div class="actions">
              <button type="submit" class="primary" disabled={dispatch.pending || !anySelected}>
                Send fleet
              </button>
              {!anySelected && fleet.data && flying.length > 0 ? (
                <span class="muted">Choose at least one ship.</span>
              ) : null}
            </div>
            <ErrorText error={dispatch.error} />
            {sent ? (
              <p class="success" role="status">
                {sent}
              </p>
            ) : null}
          </div>
        </div>
      </form>

      <div class="grid two fleet-lists">
        <article class="card">
          <h2>Fleets in flight</h2>
          {fleet.data ? (
            <FleetsInFlight missions={fleet.data.missions} onChange={() => fleet.reload()} />
          ) : (
            <Loading />
          )}
        </article>
        <article class="card">
          <h2>Incoming fleets</h2>
          {fleet.data ? <IncomingFleets incoming={fleet.data.incoming} /> : <Loading />}
        </article>
        <article class="card">
          <h2>Defenses</h2>
          {!fleet.data ? (
            <Loading />
          ) : rules && rules.units.defense.length === 0 ? (
            <Empty>This universe has no defenses.</Empty>
          ) : Object.values(fleet.data.defenses).every((n) => n === 0) ? (
            <Empty>No defenses on this planet.</Empty>
          ) : (
            <ul class="unit-counts">
              {Object.entries(fleet.data.defenses)
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
          {!fleet.data ? (
            <Loading />
          ) : fleet.data.ship_build_queue.length === 0 ? (
            <Empty>The shipyard is idle.</Empty>
          ) : (
            <ul class="queue" aria-label="Shipyard queue">
              {fleet.data.ship_build_queue.map((item) => (
                <li key={item.id}>
                  {formatNumber(item.count - item.delivered)} × {nameOf(item.type)}{' '}
                  <Countdown until={item.completion_time} />
                </li>
              ))}
            </ul>
          )}
        </article>
      </div>
    </Screen>
  );
}
