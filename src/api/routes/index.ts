import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Guards } from '../auth/guard.js';
import type { AppServices } from '../services.js';
import { adminRoutes } from './admin.js';
import { buildingRoutes } from './buildings.js';
import { catalogRoutes } from './catalog.js';
import { fleetRoutes } from './fleet.js';
import { highscoreRoutes } from './highscore.js';
import { notificationRoutes } from './notifications.js';
import { playerRoutes } from './player.js';
import { reportRoutes } from './reports.js';
import { researchRoutes } from './research.js';
import { shipyardRoutes } from './shipyard.js';
import { simulateRoutes } from './simulate.js';
import { tradeRoutes } from './trade.js';

/** A gameplay route module: gets the services and the auth guards, returns a plugin. */
export type RouteModule = (services: AppServices, guards: Guards) => FastifyPluginAsyncTypebox;

/** Every gameplay route module, registered in this order by buildApp. */
export const GAME_ROUTES: RouteModule[] = [
  playerRoutes,
  buildingRoutes,
  researchRoutes,
  shipyardRoutes,
  fleetRoutes,
  reportRoutes,
  simulateRoutes,
  catalogRoutes,
  adminRoutes,
  tradeRoutes,
  notificationRoutes,
  highscoreRoutes,
];
