// Shared fixtures for the rules tests.

import assert from 'node:assert/strict';
import { createOgameRuleset, createSeedRuleset } from '../../src/rules/index.js';
import type { ProductionInput, TimeContext } from '../../src/rules/index.js';

export const seed = createSeedRuleset();
export const ogame = createOgameRuleset();

/** A planet's buildings and the owner's research for duration formulas. */
export function ctx(
  buildings: TimeContext['buildings'] = {},
  research: TimeContext['research'] = {},
): TimeContext {
  return { buildings, research };
}

/** The seed's fresh homeworld: starting buildings, temperature 25, size 163. */
export function homeworld(overrides: Partial<ProductionInput> = {}): ProductionInput {
  return {
    buildings: seed.startingBuildings(),
    ships: {},
    research: {},
    temperature: 25,
    size: 163,
    position: 8,
    ...overrides,
  };
}

/**
 * An OGame planet without position bonus (slot 4), maximum temperature 40 °C, no buildings, no
 * ships and no research; override what a test needs.
 */
export function ogamePlanet(overrides: Partial<ProductionInput> = {}): ProductionInput {
  return {
    buildings: {},
    ships: {},
    research: {},
    temperature: 40,
    size: 163,
    position: 4,
    ...overrides,
  };
}

/** Equality up to floating-point noise (the rates are continuous, not rounded). */
export function near(actual: number, expected: number, message?: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, message ?? `${actual} ≉ ${expected}`);
}
