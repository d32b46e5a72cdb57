// Entry point of the rules layer: pick a ruleset by id. Everything here is pure (no clock, no
// randomness, no I/O); the simulation passes time, planets and research in as arguments.

import { createOgameRuleset } from './ogame/index.js';
import { createSeedRuleset } from './seed/index.js';
import type { Ruleset, RulesetId, RulesetOptions } from './types.js';

export * from './types.js';
export { UnknownUnitError } from './errors.js';
export {
  advanceAmount,
  advanceResources,
  hoursUntilFull,
  hoursUntilFullByResource,
} from './production.js';
export { createOgameRuleset, OGAME_DEFAULT_OPTIONS } from './ogame/index.js';
export { createSeedRuleset, SEED_DEFAULT_OPTIONS } from './seed/index.js';

/** Ids accepted by `createRuleset`, for validating the RULESET setting. */
export const RULESET_IDS: readonly RulesetId[] = ['seed', 'ogame'];

/** Builds the ruleset `id` with the operator's knobs; missing knobs take its defaults. */
export function createRuleset(id: RulesetId, options: RulesetOptions = {}): Ruleset {
  switch (id) {
    case 'seed':
      return createSeedRuleset(options);
    case 'ogame':
      return createOgameRuleset(options);
    default: {
      // Reached only when an unchecked string slips past the type system.
      const unknown: never = id;
      throw new Error(`Unknown ruleset: ${String(unknown)}`);
    }
  }
}
