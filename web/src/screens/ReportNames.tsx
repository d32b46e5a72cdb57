import { ok } from '@ogame-like/sdk';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';

// Notification payloads name other players by id only (reports carry names): the names come
// from the ranking, read once per page load (a player missing from it stays `player #id`).

let names: Promise<Map<number, string>> | null = null;

function loadNames(): Promise<Map<number, string>> {
  names ??= ok(api.GET('/highscore', { params: { query: { limit: 1000 } } })).then(
    (ranking) => {
      const map = new Map<number, string>();
      for (const entry of ranking.entries) if (entry.player) map.set(entry.user_id, entry.player);
      return map;
    },
    (failure: unknown) => {
      names = null;
      throw failure;
    },
  );
  return names;
}

/** A player's name by id, once the ranking has been read (undefined before, or when unknown). */
export function usePlayerNames(): (userId: number) => string | undefined {
  const [map, setMap] = useState<Map<number, string> | null>(null);
  useEffect(() => {
    let live = true;
    loadNames().then(
      (loaded) => live && setMap(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (userId) => map?.get(userId);
}
