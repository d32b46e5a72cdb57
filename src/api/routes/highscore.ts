import { Type } from '@fastify/type-provider-typebox';
import { RANKING_CATEGORIES } from '../../sim/scores/scores.js';
import { galaxyView } from '../../sim/views/galaxy.js';
import { highscoreView } from '../../sim/views/highscore.js';
import { Pagination, StandardResponses } from '../schemas.js';
import type { RouteModule } from './index.js';

const security = [{ bearerAuth: [] }];

/** Public rankings and the (logged-in) galaxy view. */
export const highscoreRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    app.get(
      '/highscore',
      {
        schema: {
          tags: ['highscore'],
          summary:
            'Ranking by points (resources spent / 1000): total, economy, research or military',
          querystring: Type.Object({
            category: Type.Union(
              RANKING_CATEGORIES.map((c) => Type.Literal(c)),
              { default: 'total' },
            ),
            ...Pagination(1000, 100).properties,
          }),
          response: StandardResponses,
        },
      },
      async (request) => runtime.read((ctx) => highscoreView(ctx, request.query)),
    );

    app.get(
      '/galaxy/:galaxy/:system',
      {
        preHandler: guards.authenticate,
        schema: {
          tags: ['universe'],
          security,
          summary: 'Every position of a system: planet, owner, activity marker, debris field',
          params: Type.Object({ galaxy: Type.Integer(), system: Type.Integer() }),
          response: StandardResponses,
        },
      },
      async (request) =>
        runtime.read((ctx) => galaxyView(ctx, request.params.galaxy, request.params.system)),
    );
  };
