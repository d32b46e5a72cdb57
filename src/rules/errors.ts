import type { UnitCategory } from './types.js';

/**
 * Thrown when a unit type is not in the active ruleset's catalog, or belongs to another
 * category than the formula asked for (e.g. a research type passed to `buildingCost`). The
 * simulation validates types first; reaching this error means a caller skipped that step.
 */
export class UnknownUnitError extends Error {
  override readonly name = 'UnknownUnitError';

  constructor(
    readonly unitType: string,
    readonly expected?: readonly UnitCategory[],
  ) {
    super(
      expected === undefined
        ? `Unknown unit type: ${unitType}`
        : `Unknown ${expected.join(' or ')} type: ${unitType}`,
    );
  }
}
