import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { Overview } from './screens/Overview';

// Every screen of the game once: its path under /play, its name in the menu, its component.
// Screens beyond the overview load on first visit, so the first render ships only what it shows.

export interface ScreenRoute {
  /** The path under /play (`/` is the overview). */
  path: string;
  /** The menu's name for it. */
  label: string;
  /** Further paths the same screen answers (one report of the list). */
  subpaths?: readonly string[];
  component: ComponentType;
}

export const SCREENS: readonly ScreenRoute[] = [
  { path: '/', label: 'Overview', component: Overview },
  {
    path: '/buildings',
    label: 'Buildings',
    component: lazy(() => import('./screens/Buildings').then((m) => m.Buildings)),
  },
  {
    path: '/research',
    label: 'Research',
    component: lazy(() => import('./screens/Research').then((m) => m.Research)),
  },
  {
    path: '/shipyard',
    label: 'Shipyard',
    component: lazy(() => import('./screens/Shipyard').then((m) => m.Shipyard)),
  },
  {
    path: '/defense',
    label: 'Defense',
    component: lazy(() => import('./screens/Shipyard').then((m) => m.Defense)),
  },
  {
    path: '/fleet',
    label: 'Fleet',
    component: lazy(() => import('./screens/Fleet').then((m) => m.Fleet)),
  },
  {
    path: '/galaxy',
    label: 'Galaxy',
    component: lazy(() => import('./screens/Galaxy').then((m) => m.Galaxy)),
  },
  {
    path: '/reports',
    label: 'Reports',
    subpaths: ['/reports/:kind/:id'],
    component: lazy(() => import('./screens/Reports').then((m) => m.Reports)),
  },
  {
    path: '/messages',
    label: 'Messages',
    component: lazy(() => import('./screens/Messages').then((m) => m.Messages)),
  },
  {
    path: '/market',
    label: 'Market',
    component: lazy(() => import('./screens/Market').then((m) => m.Market)),
  },
  {
    path: '/highscore',
    label: 'Highscore',
    component: lazy(() => import('./screens/Highscore').then((m) => m.Highscore)),
  },
  {
    path: '/simulator',
    label: 'Simulator',
    component: lazy(() => import('./screens/Simulator').then((m) => m.Simulator)),
  },
];
