import { createGameClient, type Session } from '@ogame-like/sdk';
import { signal } from '@preact/signals';

// One SDK client for the page. The session lives in localStorage, so a player stays logged in
// across reloads and tabs; the SDK refreshes the access token on a 401 and reports each new
// pair here.

const STORAGE_KEY = 'ogame.session';

export interface StoredSession extends Session {
  userId: number;
}

/** What localStorage holds: the token pair, and the player's id once the login told it. */
type Kept = Session & { userId?: number };

function read(): Kept | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Kept>;
    return typeof parsed.accessToken === 'string' ? (parsed as Kept) : null;
  } catch {
    return null;
  }
}

const complete = (kept: Kept | null): StoredSession | null =>
  kept && typeof kept.userId === 'number' ? (kept as StoredSession) : null;

/** The logged-in player, or null: every screen behind the login reads it. */
export const session = signal<StoredSession | null>(complete(read()));

function keep(next: Kept | null): void {
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  const done = complete(next);
  if (done?.accessToken !== session.value?.accessToken || done?.userId !== session.value?.userId) {
    session.value = done;
  }
}

export const game = createGameClient({
  baseUrl: location.origin,
  session: read(),
  readSession: read,
  // Two tabs whose tokens expire together must not both spend the one refresh token.
  exclusive: <T>(run: () => Promise<T>): Promise<T> =>
    typeof navigator.locks === 'undefined'
      ? run()
      : (navigator.locks.request('ogame.refresh', run) as Promise<T>),
  // A refreshed pair keeps the player's id; a login's id arrives just after (logIn).
  onSession: (next) => keep(next ? { ...next, userId: read()?.userId } : null),
});

export const api = game.api;

/** The logged-in player's id (screens are only rendered behind the login). */
export function userId(): number {
  const current = session.value;
  if (!current) throw new Error('not logged in');
  return current.userId;
}

export async function logIn(username: string, password: string): Promise<void> {
  localStorage.removeItem(STORAGE_KEY);
  const id = await game.login(username, password);
  const pair = read();
  if (pair) keep({ ...pair, userId: id });
}

export async function logOut(): Promise<void> {
  try {
    await game.logout();
  } finally {
    keep(null);
  }
}

// Another tab logged in or out: follow it.
addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) session.value = complete(read());
});
