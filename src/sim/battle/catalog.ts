// Catalog lookups shared by the after-battle helpers.

import type { UnitCatalog, UnitEconomics } from './types.js';

/** Looks a type up, failing loudly: a unit missing from the catalog is a programming error. */
export function economicsOf(catalog: UnitCatalog, type: string): UnitEconomics {
  const unit = Object.hasOwn(catalog, type) ? catalog[type] : undefined;
  if (unit === undefined) throw new RangeError(`unknown unit type '${type}'`);
  return unit;
}
