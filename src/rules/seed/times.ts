// Level prices and durations of the seed, with the Python server's reductions and clamps.

import { levelOf, reductionFactor, truncate } from '../math.js';
import type { TimeContext, UnitDef } from '../types.js';

/** Price of level L + 1 from the current level L: int(base × factor^L), shared with OGame. */
export { levelCost } from '../math.js';

/** Hyperspace technology shortens building and shipyard work by 2 % per level. */
export const HYPERSPACE_BUILD_TIME_REDUCTION_PER_LEVEL = 0.02;
/** The robot factory shortens building and shipyard work by 2 % per level. */
export const ROBOT_FACTORY_BUILD_TIME_REDUCTION_PER_LEVEL = 0.02;
/** The shipyard shortens shipyard work by 5 % per level. */
export const SHIPYARD_BUILD_TIME_REDUCTION_PER_LEVEL = 0.05;
/** The research lab shortens research by 3 % per level. */
export const RESEARCH_LAB_TIME_REDUCTION_PER_LEVEL = 0.03;
/** However many reductions stack, building and shipyard work keeps half its duration. */
export const MIN_BUILD_TIME_FACTOR = 0.5;
/** However large the lab, research keeps half its duration. */
export const MIN_RESEARCH_TIME_FACTOR = 0.5;
/** Nothing finishes in less than a second. */
export const MIN_DURATION_SECONDS = 1;

/** Unreduced duration of level L + 1: int(base_time × time_factor^L). */
export function levelTime(unit: UnitDef, currentLevel: number): number {
  return truncate((unit.baseTimeSeconds ?? 0) * Math.pow(unit.timeFactor ?? 1, currentLevel));
}

/** (1 − 0.02·hyperspace) × (1 − 0.02·robot_factory), never below 0.5. */
export function buildingTimeFactor(context: TimeContext): number {
  const hyperspace = reductionFactor(
    HYPERSPACE_BUILD_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.research, 'hyperspace'),
  );
  const robots = reductionFactor(
    ROBOT_FACTORY_BUILD_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.buildings, 'robot_factory'),
  );
  return Math.max(MIN_BUILD_TIME_FACTOR, hyperspace * robots);
}

/** 1 − 0.03·research_lab, never below 0.5. Only the lab counts in the seed. */
export function researchTimeFactor(context: TimeContext): number {
  const lab = reductionFactor(
    RESEARCH_LAB_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.buildings, 'research_lab'),
  );
  return Math.max(MIN_RESEARCH_TIME_FACTOR, lab);
}

/** (1 − 0.02·hyperspace) × (1 − 0.05·shipyard) × (1 − 0.02·robot_factory), never below 0.5. */
export function shipyardTimeFactor(context: TimeContext): number {
  const shipyard = reductionFactor(
    SHIPYARD_BUILD_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.buildings, 'shipyard'),
  );
  const robots = reductionFactor(
    ROBOT_FACTORY_BUILD_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.buildings, 'robot_factory'),
  );
  const hyperspace = reductionFactor(
    HYPERSPACE_BUILD_TIME_REDUCTION_PER_LEVEL,
    levelOf(context.research, 'hyperspace'),
  );
  return Math.max(MIN_BUILD_TIME_FACTOR, hyperspace * shipyard * robots);
}

/**
 * A duration after its reduction factor and the universe speed, truncated to whole seconds
 * and at least one second: int(max(1, seconds × factor / speed)).
 */
export function reducedSeconds(seconds: number, factor: number, speed: number): number {
  return truncate(Math.max(MIN_DURATION_SECONDS, (seconds * factor) / speed));
}
