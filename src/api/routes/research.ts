import { startResearch } from '../../sim/commands/research.js';
import { requireUser } from '../../sim/economy/lookup.js';
import { levelsOf, researchItemView, researchQueueView } from '../../sim/views/player.js';
import { optionalPlanetId, requiredTypeName, unchecked } from '../checked-input.js';
import { CheckedByHandler } from '../contract/kit.js';
import { ResearchQueued, ResearchRequest, ResearchState } from '../contract/player.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['research'];
const security = [{ bearerAuth: [] }];

/** Technology levels (player-wide) and starting research at the lab of one planet. */
export const researchRoutes: RouteModule =
  ({ runtime, ledger }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/research',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'getResearch',
          summary: "The player's technology levels and running research",
          params: UserIdParams,
          response: replies(ResearchState, { access: 'player', errors: [404] }),
        },
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
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'startResearch',
          summary:
            'Start the next level of a technology at the lab of the active or named planet (one at a time per player)',
          params: UserIdParams,
          body: CheckedByHandler(ResearchRequest),
          response: replies(ResearchQueued, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const body = unchecked(request.body);
        const researchType = requiredTypeName(body.research_type, 'research_type');
        const planetId = optionalPlanetId(body.planet_id);
        return runCommand(
          ledger,
          request,
          reply,
          startResearch,
          {
            userId: request.params.user_id,
            researchType,
            planetId,
          },
          (item) => ({
            message: `Research command queued for ${item.type}`,
            item: researchItemView(item),
          }),
        );
      },
    );
  };
