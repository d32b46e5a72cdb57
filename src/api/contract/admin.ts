// Schemas of the operator API (absent without ADMIN_TOKEN).
import { Type } from 'typebox';
import { accountFields } from './auth.js';
import { Levels } from './common.js';
import { DateTime, Id, MapOf, Named, Nullable, Obj } from './kit.js';
import { PlanetDetail } from './player.js';
import { ResearchQueueItem } from './shapes.js';

/** Amounts by resource or unit type; the command refuses unknown types and bad values (400). */
const Amounts = (description: string) =>
  MapOf(Type.Number(), { propertyNames: { maxLength: 100 }, description });

export const AdminPlanetPatch = Obj({
  name: Type.Optional(Type.String({ description: 'A new name, under the planet name rule.' })),
  resources: Type.Optional(Amounts('Stock by resource, from now on.')),
  buildings: Type.Optional(Amounts('Levels by building type (whole numbers).')),
  ships: Type.Optional(Amounts('Counts by ship type (whole numbers).')),
  defenses: Type.Optional(Amounts('Counts by defense type (whole numbers).')),
});

export const AdminPlayerPatch = Obj({
  research: Type.Optional(Amounts('Levels by technology (whole numbers).')),
});

/** GET /admin/players/{user_id}: the account, its research and every planet whole. */
export const AdminPlayer = Named(
  'AdminPlayer',
  Obj({
    ...accountFields,
    last_active: DateTime(),
    active_planet_id: Nullable(Id()),
    research: Levels,
    research_queue: Type.Array(ResearchQueueItem),
    planets: Type.Array(PlanetDetail),
  }),
);

export const AdminPlayerPatched = Named('AdminPlayerPatched', Obj({ id: Id(), research: Levels }));
