import { Empty, Loading } from '../components/bits';
import { formatNumber, humanize } from '../lib/format';
import { useGame } from '../lib/game';
import { RESOURCE_KINDS, type ResourceKind } from '../lib/resources';

// The dispatch form's lists of fields: how many of each ship to send, and what they carry.

/** Counts as typed, by ship type or resource (a field may be empty). */
export type TypedCounts = Record<string, string>;

/** A count typed in a field: 0 when empty or not a whole number ≥ 0. */
export function count(text: string | undefined): number {
  const value = Number(text ?? '');
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The ships stationed on the planet, flying ones with a count field each. */
export function ShipPicker({
  loaded,
  flying,
  grounded,
  onHand,
  counts,
  setCounts,
}: {
  loaded: boolean;
  flying: readonly string[];
  grounded: readonly string[];
  onHand: Record<string, number>;
  counts: TypedCounts;
  setCounts: (update: (counts: TypedCounts) => TypedCounts) => void;
}) {
  const { snapshot, nameOf } = useGame();
  const stats = snapshot.data?.ship_stats ?? {};
  return (
    <div>
      <h3>Ships</h3>
      {!loaded ? (
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
                      class={count(counts[type]) > have ? 'over' : ''}
                      value={counts[type] ?? ''}
                      onInput={(event) => {
                        const value = event.currentTarget.value;
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
                setCounts(() =>
                  Object.fromEntries(flying.map((type) => [type, String(onHand[type] ?? 0)])),
                )
              }
            >
              All ships
            </button>
            <button type="button" class="ghost small" onClick={() => setCounts(() => ({}))}>
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
  );
}

/** The resources to load, each with a Max button (room left, and fuel kept back). */
export function CargoFields({
  cargo,
  setCargo,
  capacity,
  fill,
}: {
  cargo: Record<ResourceKind, string>;
  setCargo: (update: (cargo: Record<ResourceKind, string>) => Record<ResourceKind, string>) => void;
  /** The fleet's room, once the preview tells it. */
  capacity: number | undefined;
  fill: (kind: ResourceKind) => void;
}) {
  const total = RESOURCE_KINDS.reduce((sum, kind) => sum + count(cargo[kind]), 0);
  return (
    <fieldset class="cargo">
      <legend>Cargo</legend>
      <div class="row">
        {RESOURCE_KINDS.map((kind) => (
          <div key={kind} class="cargo-field">
            <div class="field">
              <label for={`cargo-${kind}`}>{humanize(kind)}</label>
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
                  const value = event.currentTarget.value;
                  setCargo((c) => ({ ...c, [kind]: value }));
                }}
              />
            </div>
            <button
              type="button"
              class="ghost small"
              disabled={!capacity}
              onClick={() => fill(kind)}
            >
              Max<span class="sr-only"> {kind}</span>
            </button>
          </div>
        ))}
      </div>
      <p class={`muted small-print ${capacity !== undefined && total > capacity ? 'short' : ''}`}>
        {capacity !== undefined
          ? `${formatNumber(total)} of ${formatNumber(capacity)} loaded`
          : 'The capacity shows once the flight is worked out.'}
      </p>
    </fieldset>
  );
}
