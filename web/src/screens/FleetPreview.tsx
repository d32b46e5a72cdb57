import { ok, type operations, type Schemas } from '@ogame-like/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Fact } from '../components/bits';
import { api } from '../lib/api';
import { now } from '../lib/clock';
import { formatDuration, formatNumber, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { errorText } from '../lib/load';
import type { Resources } from '../lib/resources';

// The flight preview: what the server says of a dispatch (distance, duration, arrival, fuel,
// cargo room) before it is sent, asked again as the form changes.

export type FlightPreview = Schemas['FlightPreview'];
/** A dispatch as the preview and the dispatch itself take it. */
export type FlightRequest =
  operations['previewFleet']['requestBody']['content']['application/json'];

const PREVIEW_DELAY_MS = 300;

export interface PreviewState {
  data: FlightPreview | null;
  error: string | null;
  pending: boolean;
  /** The page clock when the preview was answered: its times are "if sent then". */
  at: number;
}

const NO_PREVIEW: PreviewState = { data: null, error: null, pending: false, at: 0 };

/**
 * The preview of `request` (null while the form is incomplete): one request ~300 ms after the
 * last change, the newest wins. `inFlight` counts the player's fleets under way: fleets leaving
 * or coming home change what the server allows (fleet slots), so it is asked again then.
 */
export function useFlightPreview(
  request: FlightRequest | null,
  inFlight: number | undefined,
): PreviewState {
  const { userId } = useGame();
  const [preview, setPreview] = useState<PreviewState>(NO_PREVIEW);
  const generation = useRef(0);
  const key = JSON.stringify([request, inFlight]);
  useEffect(() => {
    const mine = ++generation.current;
    if (!request) {
      setPreview(NO_PREVIEW);
      return;
    }
    setPreview((p) => ({ ...p, pending: true }));
    const timer = setTimeout(() => {
      ok(
        api.POST('/player/{user_id}/fleet/preview', {
          params: { path: { user_id: userId } },
          body: request,
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
  }, [key]);
  return preview;
}

/** The preview's figures, its times moved on by the time passed since it was answered. */
export function PreviewView({
  preview,
  resources,
  anySelected,
}: {
  preview: PreviewState;
  resources: Resources | undefined;
  anySelected: boolean;
}) {
  const shift = preview.data ? now.value - preview.at : 0;
  const later = (iso: string) => formatTime(Date.parse(iso) + shift);
  const data = preview.data;
  return (
    <section class="preview" aria-label="Flight preview" aria-busy={preview.pending}>
      <h3>Flight preview</h3>
      {preview.error ? (
        <p class="error">{preview.error}</p>
      ) : data ? (
        <dl class="facts">
          <Fact label="Distance">{formatNumber(data.distance)}</Fact>
          <Fact label="Duration">{formatDuration(data.duration_seconds)}</Fact>
          <Fact label="Arrival">{later(data.arrival_time)}</Fact>
          {data.return_time ? <Fact label="Return">{later(data.return_time)}</Fact> : null}
          <Fact label="Fuel">
            <span class={resources && data.fuel > resources.deuterium ? 'short' : undefined}>
              {formatNumber(Math.ceil(data.fuel))} deuterium
            </span>
          </Fact>
          <Fact label="Cargo capacity">{formatNumber(data.cargo_capacity)}</Fact>
          <Fact label="Fleet speed">{formatNumber(data.speed * data.speed_fraction)}</Fact>
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
  );
}
