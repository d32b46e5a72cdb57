// Prerequisite checks shared by every ruleset. A requirement names a unit type; whether that
// type is a building (looked up on the planet) or a research (looked up on the player) is read
// from the catalog, so OGame research may require a research lab without special cases.

import { levelOf } from './math.js';
import type { DemolishBlock, Levels, Requirement, UnitDef } from './types.js';

/** The requirements of `unit` that the given levels do not meet. */
export function unmetRequirements(
  unit: UnitDef,
  levels: { buildings: Levels; research: Levels },
  lookup: (type: string) => UnitDef | undefined,
): Requirement[] {
  return unit.requires.filter((req) => {
    const category = lookup(req.type)?.category;
    const have =
      category === 'research'
        ? levelOf(levels.research, req.type)
        : levelOf(levels.buildings, req.type);
    return have < req.level;
  });
}

/**
 * Why one level of `building` cannot be torn down: it is not built, or another building that is
 * built (level > 0) requires more of it than would remain. Research is not protected, because
 * a finished research level stays valid when its prerequisites later shrink (as in OGame).
 */
export function demolishBlock(
  building: UnitDef,
  buildings: Levels,
  catalog: readonly UnitDef[],
): DemolishBlock | undefined {
  const current = levelOf(buildings, building.type);
  if (current <= 0) return { reason: 'not_built' };
  const remaining = current - 1;
  for (const other of catalog) {
    if (other.category !== 'building' || levelOf(buildings, other.type) <= 0) continue;
    const req = other.requires.find((r) => r.type === building.type);
    if (req !== undefined && remaining < req.level) {
      return {
        reason: 'required_by',
        blockedBy: other.type,
        blockedByName: other.name,
        requiredLevel: req.level,
      };
    }
  }
  return undefined;
}
