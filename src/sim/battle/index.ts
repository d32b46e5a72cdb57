// The battle engine and its after-battle helpers. See README.md in this folder.

export { DEFAULT_MAX_ROUNDS, runBattle, warmUpBattleEngine } from './engine.js';
export {
  combatGroup,
  NO_COMBAT_TECHS,
  researchedStats,
  STRUCTURE_PER_HULL,
  type BaseCombatStats,
  type CombatTechs,
  type ResearchedStats,
} from './research.js';
export {
  addResources,
  computeDebris,
  DEFAULT_DEFENSE_DEBRIS_PERCENT,
  DEFAULT_SHIP_DEBRIS_PERCENT,
  type DebrisOptions,
} from './debris.js';
export {
  cargoCapacity,
  CARGO_BONUS_PER_HYPERSPACE_LEVEL,
  computeLoot,
  DEFAULT_LOOT_PERCENT,
} from './loot.js';
export {
  DEBRIS_PER_MOON_PERCENT,
  MAX_MOON_CHANCE_PERCENT,
  moonChancePercent,
  rollMoon,
  type MoonChanceOptions,
} from './moon.js';
export {
  DEFAULT_DEFENSE_REPAIR_PERCENT,
  repairDefenses,
  type RepairMethod,
  type RepairOptions,
} from './repair.js';
export { BattleWorker, runBattleInWorker } from './worker-client.js';
export type * from './types.js';
