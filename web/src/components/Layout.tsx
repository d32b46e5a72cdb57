import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { logOut } from '../lib/api';
import { now } from '../lib/clock';
import { formatCoords } from '../lib/format';
import { useGame } from '../lib/game';
import { incomingAttacks, linkState, unreadCount } from '../lib/live';
import { SCREENS } from '../routes';
import { Countdown } from './bits';
import { ResourceBar } from './ResourceBar';

const LINK_TEXT = { open: 'live', connecting: 'connecting…', closed: 'offline' } as const;

/** The path of the screen shown, under /play (`/` is the overview). */
const screenPath = (path: string) => path.replace(/^\/play/, '') || '/';

function PlanetSwitcher() {
  const { planets, planetId, link } = useGame();
  const { path, route } = useLocation();
  const here = screenPath(path);
  const list = planets.data ?? [];
  return (
    <label class="planet-switcher">
      <span class="sr-only">Planet</span>
      <select
        value={planetId ?? ''}
        onChange={(event) => {
          const id = (event.target as HTMLSelectElement).value;
          // Only this tab moves: the planet is in its URL, not on the server.
          const base = link(here);
          const url = new URL(base, location.origin);
          url.searchParams.set('planet', id);
          route(url.pathname + url.search);
        }}
      >
        {list.map((planet) => (
          <option key={planet.id} value={planet.id}>
            {planet.name} {formatCoords(planet)}
          </option>
        ))}
      </select>
    </label>
  );
}

function AttackAlarm() {
  // Shown until a few seconds after arrival (the battle's report follows).
  const attacks = incomingAttacks.value.filter((a) => Date.parse(a.eta) > now.value - 5000);
  if (attacks.length === 0) return null;
  return (
    <div class="alarm" role="alert">
      <strong>Incoming attack!</strong>{' '}
      {attacks.map((attack) => (
        <span key={attack.fleetId}>
          {formatCoords(attack.target)} in <Countdown until={attack.eta} done="now" />{' '}
        </span>
      ))}
    </div>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { snapshot, link } = useGame();
  const here = screenPath(useLocation().path);
  const unread = unreadCount.value;
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <div class="brand">
          <span aria-hidden="true">◉</span> OGame-like
        </div>
        <PlanetSwitcher />
        <span
          class={`link link-${linkState.value}`}
          role="status"
          aria-label={`Live updates: ${linkState.value}`}
          title={`Live updates: ${linkState.value}`}
        >
          {LINK_TEXT[linkState.value]}
        </span>
        <button type="button" class="ghost" onClick={() => void logOut()}>
          Log out
        </button>
      </header>
      <AttackAlarm />
      {snapshot.data ? <ResourceBar snapshot={snapshot.data} /> : null}
      <nav class="nav" aria-label="Screens">
        {SCREENS.map((screen) => (
          <a
            key={screen.path}
            href={link(screen.path)}
            aria-current={
              here === screen.path || (screen.path !== '/' && here.startsWith(`${screen.path}/`))
                ? 'page'
                : undefined
            }
          >
            {screen.label}
            {screen.path === '/messages' && unread > 0 ? (
              <span class="badge" aria-label={`${unread} unread`}>
                {unread}
              </span>
            ) : null}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
