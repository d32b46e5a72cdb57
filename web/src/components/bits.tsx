import type { ComponentChildren } from 'preact';
import { now, secondsUntil } from '../lib/clock';
import { formatDuration, formatNumber, formatTime } from '../lib/format';
import { RESOURCE_KINDS, type Resources } from '../lib/resources';

/** The error of an action, where it was taken; screen readers hear it at once. */
export function ErrorText({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error}
    </p>
  );
}

/** What an action achieved, where it was taken; screen readers hear it politely. */
export function SuccessText({ text }: { text: ComponentChildren }) {
  if (text === null || text === undefined || text === false || text === '') return null;
  return (
    <p class="success" role="status">
      {text}
    </p>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="muted" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

/**
 * Something read from the server: its error (kept above data still shown from before), and
 * until the first answer arrives a loading line; then `children` draws the data.
 */
export function WhenLoaded<T>({
  data,
  error,
  children,
}: {
  data: T | undefined;
  error: string | null;
  children: (data: T) => ComponentChildren;
}) {
  if (data === undefined) return error ? <ErrorText error={error} /> : <Loading />;
  return (
    <>
      <ErrorText error={error} />
      {children(data)}
    </>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A screen's frame: its title and content. */
export function Screen({
  title,
  children,
  actions,
}: {
  title: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <header class="screen-head">
        <h1 id="screen-title">{title}</h1>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** `1h 02m 03s` left until `until`, ticking; `done` once it is reached. */
export function Countdown({ until, done = 'done' }: { until: string; done?: string }) {
  const left = secondsUntil(until, now.value);
  return (
    <time class="countdown" dateTime={until} title={formatTime(until)}>
      {left > 0 ? formatDuration(left) : done}
    </time>
  );
}

/** A cost: each resource the price asks for, red where the planet has too little. */
export function Cost({
  cost,
  have,
}: {
  cost: Partial<Resources> & { energy?: number };
  have?: Resources;
}) {
  const parts = RESOURCE_KINDS.filter((kind) => (cost[kind] ?? 0) > 0);
  return (
    <span class="cost">
      {parts.map((kind) => (
        <span
          key={kind}
          class={`res res-${kind} ${have && have[kind] < (cost[kind] ?? 0) ? 'short' : ''}`}
        >
          <span class="res-label">{kind}</span> {formatNumber(cost[kind] ?? 0)}
        </span>
      ))}
      {cost.energy ? (
        <span class="res res-energy">
          <span class="res-label">energy</span> {formatNumber(cost.energy)}
        </span>
      ) : null}
      {parts.length === 0 && !cost.energy ? <span class="muted">free</span> : null}
    </span>
  );
}

/** A labelled figure: `<dt>label</dt><dd>value</dd>` inside a `<dl class="facts">`. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
