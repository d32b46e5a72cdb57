import { signal } from '@preact/signals';

// One clock for every countdown and ticking number on the page, advanced once a second. The
// offset to the server's clock comes from the server_time of its answers and messages, so a
// countdown reaches zero when the server completes the item, whatever the device's clock says.

export const now = signal(Date.now());
let offsetMs = 0;

setInterval(() => {
  now.value = Date.now() + offsetMs;
}, 1000);

/** Aligns the page's clock on a server timestamp just received. */
export function syncClock(serverTime: string): void {
  const server = Date.parse(serverTime);
  if (Number.isFinite(server)) {
    offsetMs = server - Date.now();
    now.value = Date.now() + offsetMs;
  }
}

/** Seconds from the server's now until `iso` (never negative). */
export function secondsUntil(iso: string, at: number = now.value): number {
  return Math.max(0, (Date.parse(iso) - at) / 1000);
}
