import { ApiError } from '@ogame-like/sdk';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Loads again, keeping the data shown meanwhile (a live event changed it). */
  reload: () => void;
}

/** The text to show for a failed call: the server's `detail`, or what went wrong. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Retrying when it is back.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `load` when the component mounts and whenever `deps` change; a newer load supersedes
 * an older one still in flight, so a quick planet switch never shows the previous planet.
 * Reloads asked for while a load is in flight become one more load after it: a burst of live
 * messages (a reconnect's replay, a batch of completions) costs two requests, not one each.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const busy = useRef(false);
  const queued = useRef(false);
  const latest = useRef(load);
  latest.current = load;

  const start = useCallback(() => {
    const mine = ++generation.current;
    busy.current = true;
    setLoading(true);
    const current = () => mine === generation.current;
    latest
      .current()
      .then(
        (value) => {
          if (!current()) return;
          setData(value);
          setError(null);
        },
        (failure: unknown) => {
          if (current()) setError(errorText(failure));
        },
      )
      .finally(() => {
        if (!current()) return; // superseded: the newer load owns the flags
        busy.current = false;
        setLoading(false);
        if (queued.current) {
          queued.current = false;
          start();
        }
      });
  }, []);

  const reload = useCallback(() => {
    if (busy.current) queued.current = true;
    else start();
  }, [start]);

  useEffect(() => {
    setData(undefined);
    queued.current = false;
    start();
  }, deps);

  return { data, error, loading, reload };
}

/** Runs an action (a click): its pending state and its error, shown where it was taken. */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): {
  run: (...args: A) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  clear: () => void;
} {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (...args: A) => {
    setPending(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, clear: () => setError(null) };
}
