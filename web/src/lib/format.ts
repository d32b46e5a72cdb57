// Display formats shared by every screen: the genre's conventions (thousands separators,
// `1h 02m 03s`), times in the player's own time zone.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `1,234,567`: resources and counts are shown whole, rounded down as the server stores them. */
export function formatNumber(value: number): string {
  return integer.format(Math.floor(value));
}

/** `12.5` for rates and factors that are not whole. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** `3d 04h 05m 06s`, `1h 02m 03s`, `2m 05s`, `9s`: leading zero units are left out. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant in the player's time zone: the clock alone when it is today. */
export function formatTime(iso: string | number | Date): string {
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString() ? clock.format(date) : dateTime.format(date);
}

export interface CoordinatesLike {
  galaxy: number;
  system: number;
  position?: number;
  planet?: number;
}

/** `[1:42:7]`, the genre's way of writing a position. */
export function formatCoords(c: CoordinatesLike): string {
  return `[${c.galaxy}:${c.system}:${c.position ?? c.planet ?? '?'}]`;
}

/** `metal_mine` → `Metal mine` for keys the server sends without a display name. */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
