import { ok, type Schemas } from '@ogame-like/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Empty, ErrorText, Screen, WhenLoaded } from '../components/bits';
import { Pager } from '../components/Pager';
import { api } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import { useAction, useLoad } from '../lib/load';
import './Highscore.css';

type Category = Schemas['RankingCategory'];
type Entry = Schemas['Highscore']['entries'][number];

const PAGE = 50;
const PREVIOUS_NEXT = { back: 'Previous', forward: 'Next' };
/** The server's ranking categories (its RankingCategory enum) and their tab names. */
const CATEGORY_NAMES: Record<Category, string> = {
  total: 'Total',
  economy: 'Economy',
  research: 'Research',
  military: 'Military',
};
const CATEGORIES = Object.keys(CATEGORY_NAMES) as Category[];
/** Pages looked at past the first one holding the player's points (players tied on points). */
const TIE_PAGES = 10;

const rankPage = (rank: number) => Math.floor((rank - 1) / PAGE) * PAGE;

const fetchPage = (category: Category, offset: number) =>
  ok(api.GET('/highscore', { params: { query: { category, limit: PAGE, offset } } }));

/** The page offset holding `userId` in `category`, found by its points (pages are sorted). */
async function findOffset(category: Category, userId: number, points: number): Promise<number> {
  const first = await fetchPage(category, 0);
  if (first.entries.some((e) => e.user_id === userId)) return 0;
  const pages = Math.ceil(first.total_players / PAGE);
  // The first page whose last entry has no more points than the player.
  let lo = 0;
  let hi = pages - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const page = mid === 0 ? first : await fetchPage(category, mid * PAGE);
    const last = page.entries[page.entries.length - 1];
    if (!last || last.points <= points) hi = mid;
    else lo = mid + 1;
  }
  for (let p = lo; p < Math.min(pages, lo + TIE_PAGES); p++) {
    const page = p === 0 ? first : await fetchPage(category, p * PAGE);
    if (page.entries.some((e) => e.user_id === userId)) return p * PAGE;
    const head = page.entries[0];
    if (!head || head.points < points) break;
  }
  throw new Error('You are not ranked in this category yet.');
}

/** The rankings by category, a page at a time, with the player's own row marked. */
export function Highscore() {
  const { userId, snapshot } = useGame();
  const [category, setCategory] = useState<Category>('total');
  const [offset, setOffset] = useState(0);
  /** Set by "My rank": scroll to the player's row once that page is shown. */
  const [seek, setSeek] = useState<{ category: Category; offset: number } | null>(null);
  const board = useLoad(() => fetchPage(category, offset), [category, offset]);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const mine = snapshot.data?.highscore;

  const jump = useAction(async () => {
    if (!mine) throw new Error('Your score is still loading.');
    // The snapshot knows the overall rank; a ranking that moved since, and the other
    // categories, are searched by the player's points.
    const hint = category === 'total' && mine.rank !== null ? rankPage(mine.rank) : null;
    const onHint =
      hint !== null && (await fetchPage(category, hint)).entries.some((e) => e.user_id === userId);
    const points = category === 'total' ? mine.points : mine[category];
    const target = onHint && hint !== null ? hint : await findOffset(category, userId, points);
    setSeek({ category, offset: target });
    if (target === offset) board.reload();
    else setOffset(target);
  });

  const data = board.data;
  useEffect(() => {
    if (!seek || !data || data.category !== seek.category || data.offset !== seek.offset) return;
    const row = document.querySelector<HTMLElement>('.highscore-table tr[aria-current="true"]');
    if (row) {
      row.scrollIntoView({ block: 'center' });
      row.focus({ preventScroll: true });
    }
    setSeek(null);
  }, [seek, data]);

  const choose = (next: Category, focus = false) => {
    jump.clear();
    setCategory(next);
    setOffset(0);
    if (focus) tabs.current[CATEGORIES.indexOf(next)]?.focus();
  };
  const onTabKey = (event: KeyboardEvent) => {
    const at = CATEGORIES.indexOf(category);
    const n = CATEGORIES.length;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % n
        : event.key === 'ArrowLeft'
          ? (at - 1 + n) % n
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? n - 1
              : -1;
    const next = CATEGORIES[to];
    if (next === undefined) return;
    event.preventDefault();
    choose(next, true);
  };

  const total = data?.total_players ?? 0;

  return (
    <Screen
      title="Highscore"
      actions={
        <button
          type="button"
          class="ghost small"
          onClick={() => board.reload()}
          disabled={board.loading}
        >
          Refresh
        </button>
      }
    >
      <div class="highscore">
        <div class="tabs" role="tablist" aria-label="Ranking category" onKeyDown={onTabKey}>
          {CATEGORIES.map((c, i) => (
            <button
              key={c}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`highscore-tab-${c}`}
              aria-controls="highscore-panel"
              aria-selected={category === c}
              tabIndex={category === c ? 0 : -1}
              onClick={() => choose(c)}
            >
              {CATEGORY_NAMES[c]}
            </button>
          ))}
        </div>
        <div
          class="card"
          role="tabpanel"
          id="highscore-panel"
          aria-labelledby={`highscore-tab-${category}`}
        >
          <div class="highscore-bar">
            <p class="muted highscore-me">
              {mine
                ? category === 'total'
                  ? `You: ${formatNumber(mine.points)} points${
                      mine.rank !== null ? `, rank ${formatNumber(mine.rank)}` : ''
                    } of ${formatNumber(mine.players)}`
                  : `You: ${formatNumber(mine[category])} ${CATEGORY_NAMES[category].toLowerCase()} points`
                : null}
            </p>
            <button
              type="button"
              class="small"
              onClick={() => void jump.run()}
              disabled={jump.pending || !mine}
            >
              My rank
            </button>
          </div>
          <ErrorText error={jump.error} />
          <WhenLoaded data={data} error={board.error}>
            {(page) =>
              page.entries.length === 0 ? (
                <Empty>
                  {total === 0 ? 'No player is ranked yet.' : 'No players on this page.'}
                </Empty>
              ) : (
                <RankingTable entries={page.entries} userId={userId} />
              )
            }
          </WhenLoaded>
          <Pager
            offset={offset}
            size={PAGE}
            count={data?.entries.length ?? 0}
            total={data?.total_players}
            onChange={setOffset}
            words={PREVIOUS_NEXT}
            busy={board.loading}
            range="after"
            alwaysShown
          />
        </div>
      </div>
    </Screen>
  );
}

function RankingTable({ entries, userId }: { entries: Entry[]; userId: number }) {
  return (
    <div class="table-wrap">
      <table class="table highscore-table" aria-label="Highscore">
        <thead>
          <tr>
            <th scope="col" class="num">
              Rank
            </th>
            <th scope="col">Player</th>
            <th scope="col" class="num">
              Points
            </th>
            <th scope="col">
              <abbr title="Activity: i after 7 days without activity, I after 28">Activity</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <Row key={entry.user_id} entry={entry} me={entry.user_id === userId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ entry, me }: { entry: Entry; me: boolean }) {
  return (
    <tr
      class={me ? 'highscore-me-row' : ''}
      aria-current={me ? 'true' : undefined}
      tabIndex={me ? -1 : undefined}
    >
      <td class="num">{formatNumber(entry.rank)}</td>
      <td>
        {entry.player ?? <span class="muted">(deleted)</span>}
        {me ? <span class="tag highscore-you">you</span> : null}
      </td>
      <td class="num">{formatNumber(entry.points)}</td>
      <td>
        {entry.activity === 'active' ? (
          <span class="sr-only">active</span>
        ) : (
          <abbr
            class={`highscore-activity activity-${entry.activity === 'I' ? 'long' : 'short'}`}
            title={
              entry.activity === 'I'
                ? 'Inactive for more than 28 days'
                : 'Inactive for more than 7 days'
            }
          >
            {entry.activity}
          </abbr>
        )}
        {entry.marked_inactive ? <span class="tag">inactive</span> : null}
      </td>
    </tr>
  );
}
