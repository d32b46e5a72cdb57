import type { Schemas } from '@ogame-like/sdk';

export type Resources = Schemas['Resources'];
export const RESOURCE_KINDS = ['metal', 'crystal', 'deuterium'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * The amounts `seconds` after the server's figures, for display between two server updates:
 * the server's own per-hour production, stopping at the storage capacity as the server does
 * (an amount already above it stays). The next snapshot or resource_update replaces it.
 */
export function projectResources(
  base: Resources,
  perHour: Resources,
  capacity: Resources,
  seconds: number,
): Resources {
  const out = { ...base };
  for (const kind of RESOURCE_KINDS) {
    const rate = perHour[kind];
    if (rate > 0 && base[kind] < capacity[kind]) {
      out[kind] = Math.min(capacity[kind], base[kind] + (rate * seconds) / 3600);
    } else if (rate < 0) {
      out[kind] = Math.max(0, base[kind] + (rate * seconds) / 3600);
    }
  }
  return out;
}

/** What a planet's snapshot says of its resources, and when it said it. */
export interface ResourceFigures {
  resources: Resources;
  production: Resources;
  capacity: Resources;
  server_time: string;
}

/** The planet's amounts at `at` (the page's clock, in ms), projected from its snapshot. */
export function resourcesAt(figures: ResourceFigures, at: number): Resources {
  const elapsed = Math.max(0, (at - Date.parse(figures.server_time)) / 1000);
  return projectResources(figures.resources, figures.production, figures.capacity, elapsed);
}
