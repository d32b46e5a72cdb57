import type { ComponentChildren } from 'preact';
import { formatNumber } from '../lib/format';

/** The two buttons' words: `Newer` / `Older` on lists of events, `Previous` / `Next` on a ranking. */
export interface PagerWords {
  back: string;
  forward: string;
}

const NEWER_OLDER: PagerWords = { back: 'Newer', forward: 'Older' };

/**
 * Back and forward buttons over a list read `size` items at a time from `offset`. Without a
 * `total`, a full page is taken to mean that more may follow. A list that fits on one page gets
 * no pager, unless `alwaysShown`.
 */
export function Pager({
  offset,
  size,
  count,
  total,
  onChange,
  words = NEWER_OLDER,
  busy = false,
  range,
  landmark,
  alwaysShown = false,
  class: extraClass = '',
  children,
}: {
  offset: number;
  size: number;
  /** The items on the page shown (0 while it loads). */
  count: number;
  total?: number;
  onChange: (offset: number) => void;
  words?: PagerWords;
  /** A page is being read: both buttons wait. */
  busy?: boolean;
  /** Where the `1–20` of the page shown goes, if anywhere. */
  range?: 'between' | 'after';
  /** A name makes the pager a navigation landmark. */
  landmark?: string;
  alwaysShown?: boolean;
  class?: string;
  /** A note after the buttons. */
  children?: ComponentChildren;
}) {
  const more = total === undefined ? count >= size : offset + count < total;
  if (!alwaysShown && offset === 0 && !more) return null;

  const shown =
    count > 0
      ? `${formatNumber(offset + 1)}–${formatNumber(offset + count)}` +
        (total === undefined ? '' : ` of ${formatNumber(total)}`)
      : range === 'between'
        ? 'no more'
        : null;
  const rangeText = range && shown !== null ? <span class="muted">{shown}</span> : null;
  const Frame = landmark ? 'nav' : 'div';
  return (
    <Frame
      class={extraClass ? `actions pager ${extraClass}` : 'actions pager'}
      aria-label={landmark}
    >
      <button
        type="button"
        class="small"
        disabled={offset === 0 || busy}
        onClick={() => onChange(Math.max(0, offset - size))}
      >
        {words.back}
      </button>
      {range === 'between' ? rangeText : null}
      <button
        type="button"
        class="small"
        disabled={!more || busy}
        onClick={() => onChange(offset + size)}
      >
        {words.forward}
      </button>
      {range === 'after' ? rangeText : null}
      {children}
    </Frame>
  );
}

/**
 * The pager under a long list of events (reports, messages): a landmark named "Pages", the
 * range shown between its Newer and Older buttons at the two ends.
 */
export function PagesNav(props: {
  offset: number;
  size: number;
  count: number;
  onChange: (offset: number) => void;
}) {
  return <Pager {...props} range="between" landmark="Pages" class="pager-spread" />;
}
