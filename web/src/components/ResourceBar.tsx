import { now } from '../lib/clock';
import { formatNumber } from '../lib/format';
import type { Snapshot } from '../lib/game';
import { RESOURCE_KINDS, resourcesAt } from '../lib/resources';

/** The planet's resources, ticking each second, each with its storage bar; and the energy. */
export function ResourceBar({ snapshot }: { snapshot: Snapshot }) {
  const amounts = resourcesAt(snapshot, now.value);
  const energy = snapshot.energy.produced - snapshot.energy.consumed;
  return (
    <section aria-label="Resources">
      <ul class="resource-bar">
        {RESOURCE_KINDS.map((kind) => {
          const capacity = snapshot.capacity[kind];
          const share = capacity > 0 ? Math.min(1, amounts[kind] / capacity) : 0;
          return (
            <li key={kind} class={`res-${kind}`} data-resource={kind}>
              <span class="res-label">{kind}</span>
              <span class="res-amount" data-testid={`res-${kind}`}>
                {formatNumber(amounts[kind])}
              </span>
              <meter
                min={0}
                max={1}
                high={0.9}
                value={share}
                aria-label={`${kind} storage ${Math.round(share * 100)} % of ${formatNumber(capacity)}`}
                title={`${formatNumber(amounts[kind])} / ${formatNumber(capacity)}`}
              />
            </li>
          );
        })}
        <li class={`res-energy ${energy < 0 ? 'short' : ''}`}>
          <span class="res-label">energy</span>
          <span class="res-amount">{formatNumber(energy)}</span>
          <span class="res-sub">
            {formatNumber(snapshot.energy.produced)} / {formatNumber(snapshot.energy.consumed)}
          </span>
        </li>
      </ul>
    </section>
  );
}
