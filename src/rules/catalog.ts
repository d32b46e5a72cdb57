// Indexed, frozen access to a ruleset's unit catalog, shared by every ruleset.

import { UnknownUnitError } from './errors.js';
import { UNIT_CATEGORIES, type UnitCategory, type UnitDef } from './types.js';

export interface Catalog {
  readonly all: readonly UnitDef[];
  byCategory(category: UnitCategory): readonly UnitDef[];
  find(type: string): UnitDef | undefined;
  /** The unit `type`, which must belong to one of `categories`; throws `UnknownUnitError`. */
  expect(type: string, ...categories: UnitCategory[]): UnitDef;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Indexes `units` by type and category. The definitions are frozen, because the catalog is
 * shared by every caller (and served by GET /rules): nobody may alter a price at run time.
 */
export function createCatalog(units: readonly UnitDef[]): Catalog {
  const all = deepFreeze([...units]);
  const byType = new Map(all.map((unit) => [unit.type, unit]));
  if (byType.size !== all.length) throw new Error('Duplicate unit type in catalog');
  const byCategory = new Map(
    UNIT_CATEGORIES.map((category) => [
      category,
      Object.freeze(all.filter((unit) => unit.category === category)),
    ]),
  );
  return {
    all,
    byCategory: (category) => byCategory.get(category) ?? [],
    find: (type) => byType.get(type),
    expect(type, ...categories) {
      const unit = byType.get(type);
      if (unit === undefined || !categories.includes(unit.category)) {
        throw new UnknownUnitError(type, categories);
      }
      return unit;
    },
  };
}
