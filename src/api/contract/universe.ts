// Schemas of the universe routes: free positions, the galaxy view and the highscore.
import { Type } from 'typebox';
import { Coordinates, Resources } from './common.js';
import { RankingCategory } from './enums.js';
import { Id, Named, Nullable, Obj, StringEnum } from './kit.js';

/** sim/views/universe.ts availableCoordinates: GET /planets/available. */
export const AvailablePositions = Named(
  'AvailablePositions',
  Obj(
    { available: Type.Array(Coordinates) },
    { description: 'Free coordinates, from the seeded pool or the free slots of a system.' },
  ),
);

/** sim/players/activity.ts activityView, shown next to a player. */
const activityFields = {
  activity: StringEnum(['active', 'i', 'I'], {
    description: '"i" after 7 days without activity, "I" after 28.',
  }),
  marked_inactive: Type.Boolean({
    description: 'The cleanup marked the player inactive and they have not been back.',
  }),
};

/** sim/views/galaxy.ts galaxyView: one position of the system. */
const GalaxyPosition = Obj({
  position: Type.Integer({ minimum: 1 }),
  planet: Nullable(Obj({ id: Id(), name: Type.String() })),
  owner: Nullable(
    Obj({
      user_id: Id(),
      name: Type.String(),
      rank: Nullable(Type.Integer({ minimum: 1 })),
      ...activityFields,
    }),
  ),
  debris: Nullable(Resources),
});

/** GET /galaxy/{galaxy}/{system}. */
export const GalaxySystem = Named(
  'GalaxySystem',
  Obj(
    {
      galaxy: Type.Integer(),
      system: Type.Integer(),
      positions: Type.Array(GalaxyPosition, { description: 'Every position, in order.' }),
    },
    { description: 'Every position of a system: planet, owner, activity, debris field.' },
  ),
);

/** sim/views/highscore.ts highscoreView: GET /highscore. */
export const Highscore = Named(
  'Highscore',
  Obj({
    category: RankingCategory,
    total_players: Type.Integer({ minimum: 0 }),
    limit: Type.Integer(),
    offset: Type.Integer(),
    entries: Type.Array(
      Obj({
        rank: Type.Integer({ minimum: 1 }),
        user_id: Id(),
        player: Nullable(Type.String({ description: 'The username; null once deleted.' })),
        points: Type.Integer({ description: 'Resources spent / 1000.' }),
        ...activityFields,
      }),
    ),
  }),
);
