import { Type } from 'typebox';
import { RANKING_CATEGORIES } from '../../sim/scores/scores.js';
import { galaxyView } from '../../sim/views/galaxy.js';
import { highscoreView } from '../../sim/views/highscore.js';
import { Obj, StringEnum } from '../contract/kit.js';
import { replies } from '../contract/responses.js';
import { GalaxySystem, Highscore } from '../contract/universe.js';
import { Defaulted, pageFields } from '../contract/query.js';
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
          operationId: 'getHighscore',
          summary:
            'Ranking by points (resources spent / 1000): total, economy, research or military',
          querystring: Obj({
            // Inline rather than the named RankingCategory: the document drops a `$ref`'s
            // siblings, and with them the default.
            category: Defaulted(StringEnum(RANKING_CATEGORIES, { default: 'total' })),
            ...pageFields(1000, 100),
          }),
          response: replies(Highscore, { access: 'public' }),
        },
      },
      async (request) => runtime.read((ctx) => highscoreView(ctx, request.query)),
    );

    app.get(
      '/galaxy/:galaxy/:system',
      {
        preValidation: guards.authenticate,
        schema: {
          tags: ['universe'],
          security,
          operationId: 'getGalaxySystem',
          summary: 'Every position of a system: planet, owner, activity marker, debris field',
          params: Obj({ galaxy: Type.Integer(), system: Type.Integer() }),
          response: replies(GalaxySystem, { access: 'token', errors: [400] }),
        },
      },
      async (request) =>
        runtime.read((ctx) => galaxyView(ctx, request.params.galaxy, request.params.system)),
    );
  };
