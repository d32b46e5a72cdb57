import {
  createRuleset,
  RESOURCE_KINDS,
  UNIT_CATEGORIES,
  type UnitCategory,
} from '../../rules/index.js';
import { FLEET_MISSIONS } from '../../sim/fleet/missions.js';
import { OFFER_STATUSES } from '../../sim/market/types.js';
import { RANKING_CATEGORIES } from '../../sim/scores/scores.js';
import { Named, StringEnum } from './kit.js';

/**
 * Unit types are the union over every ruleset, so the document (and the SDK generated from it)
 * is the same for every server; a server accepts the types of its active ruleset (GET /rules)
 * and answers any other with 400 `unknown_type` and the `valid` list.
 */
const RULESETS = [createRuleset('seed'), createRuleset('ogame')];

function unitTypes(...categories: UnitCategory[]): string[] {
  const types = new Set<string>();
  for (const rules of RULESETS)
    for (const category of categories)
      for (const unit of rules.units(category)) types.add(unit.type);
  return [...types].sort();
}

const note = "Every ruleset's types; the active ruleset's are listed by GET /rules.";

export const BuildingType = Named(
  'BuildingType',
  StringEnum(unitTypes('building'), { description: `A building. ${note}` }),
);
export const ResearchType = Named(
  'ResearchType',
  StringEnum(unitTypes('research'), { description: `A technology. ${note}` }),
);
export const ShipType = Named(
  'ShipType',
  StringEnum(unitTypes('ship'), { description: `A ship. ${note}` }),
);
/** What a shipyard builds: ships and (in the ogame ruleset) defenses. */
export const ShipyardUnitType = Named(
  'ShipyardUnitType',
  StringEnum(unitTypes('ship', 'defense'), { description: `A ship or a defense. ${note}` }),
);
export const UnitCategoryName = Named('UnitCategory', StringEnum(UNIT_CATEGORIES));
export const ResourceKind = Named('ResourceKind', StringEnum(RESOURCE_KINDS));
export const Mission = Named(
  'Mission',
  StringEnum(FLEET_MISSIONS, { description: 'What a fleet does at its target.' }),
);
export const RankingCategory = Named('RankingCategory', StringEnum(RANKING_CATEGORIES));
export const OfferStatus = Named('OfferStatus', StringEnum(OFFER_STATUSES));
