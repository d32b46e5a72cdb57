import { Type } from '@fastify/type-provider-typebox';
import { startResearch } from '../../sim/commands/research.js';
import { badRequest } from '../../sim/errors.js';
import { requireUser } from '../../sim/economy/lookup.js';
import { levelsOf, researchQueueView } from '../../sim/views/player.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['research'];
const security = [{ bearerAuth: [] }];

/** Technology levels (player-wide) and starting research at the active planet. */
export const researchRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/research',
      {
        preHandler: guards.protectedUser,
        schema: { tags, security, params: UserIdParams, response: StandardResponses },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          return {
            research: levelsOf(ctx.rules, 'research', user.research),
            queue: researchQueueView(ctx.world, user),
          };
        }),
    );

    app.post(
      '/player/:user_id/research',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Start the next level of a technology (one at a time per player)',
          params: UserIdParams,
          body: Type.Object({ research_type: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const type = request.body.research_type?.trim();
        if (!type) throw badRequest('research_type is required');
        const item = await runtime.execute(startResearch, {
          userId: request.params.user_id,
          researchType: type,
        });
        return {
          message: `Research command queued for ${item.type}`,
          item: {
            id: item.id,
            type: item.type,
            level: item.level,
            completion_time: new Date(item.completionTime).toISOString(),
            cost: item.cost,
          },
        };
      },
    );
  };
