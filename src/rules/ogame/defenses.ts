// The real game's defenses (spec/ogame-rules.md §3.5). The eight that fight take their price,
// combat figures and rapid fire from combat-units.ts; the two missiles, which never fight, are
// defined here.

import { price } from '../math.js';
import type { Levels, Requirement, UnitDef, UnitStats } from '../types.js';
import { OGAME_COMBAT_UNITS, type CombatUnitId } from './combat-units.js';
import { combatStats, combatUnitDef } from './ships.js';

export const OGAME_COMBAT_DEFENSE_IDS = [
  'rocket_launcher',
  'light_laser',
  'heavy_laser',
  'gauss_cannon',
  'ion_cannon',
  'plasma_turret',
  'small_shield_dome',
  'large_shield_dome',
] as const satisfies readonly CombatUnitId[];

export const OGAME_MISSILE_IDS = ['anti_ballistic_missile', 'interplanetary_missile'] as const;

export const OGAME_DEFENSE_IDS = [...OGAME_COMBAT_DEFENSE_IDS, ...OGAME_MISSILE_IDS] as const;

export type OgameDefenseId = (typeof OGAME_DEFENSE_IDS)[number];

/** A planet holds at most one of each shield dome. */
export const SHIELD_DOME_MAX_COUNT = 1;

/** Defenses neither move nor carry anything. */
const IMMOBILE = { speed: 0, cargo: 0, fuel: 0 } as const;

interface DefenseRow {
  name: string;
  requires: Requirement[];
  maxCount?: number;
  note?: string;
}

const SHIPYARD = 'shipyard';

const DEFENSE_ROWS: Readonly<Record<(typeof OGAME_COMBAT_DEFENSE_IDS)[number], DefenseRow>> = {
  rocket_launcher: { name: 'Rocket Launcher', requires: [{ type: SHIPYARD, level: 1 }] },
  // The live game (AG) lists no energy requirement: laser technology 3 needs energy 2 anyway.
  light_laser: {
    name: 'Light Laser',
    requires: [
      { type: SHIPYARD, level: 2 },
      { type: 'laser', level: 3 },
    ],
  },
  heavy_laser: {
    name: 'Heavy Laser',
    requires: [
      { type: SHIPYARD, level: 4 },
      { type: 'energy', level: 3 },
      { type: 'laser', level: 6 },
    ],
  },
  gauss_cannon: {
    name: 'Gauss Cannon',
    requires: [
      { type: SHIPYARD, level: 6 },
      { type: 'energy', level: 6 },
      { type: 'weapons', level: 3 },
      { type: 'shielding', level: 1 },
    ],
  },
  ion_cannon: {
    name: 'Ion Cannon',
    requires: [
      { type: SHIPYARD, level: 4 },
      { type: 'ion', level: 4 },
    ],
    note: 'Live price 5000/3000/0 (AG); OGameX and classic OGame ask 2000/6000/0.',
  },
  plasma_turret: {
    name: 'Plasma Turret',
    requires: [
      { type: SHIPYARD, level: 8 },
      { type: 'plasma', level: 7 },
    ],
  },
  small_shield_dome: {
    name: 'Small Shield Dome',
    requires: [
      { type: SHIPYARD, level: 1 },
      { type: 'shielding', level: 2 },
    ],
    maxCount: SHIELD_DOME_MAX_COUNT,
  },
  large_shield_dome: {
    name: 'Large Shield Dome',
    requires: [
      { type: SHIPYARD, level: 6 },
      { type: 'shielding', level: 6 },
    ],
    maxCount: SHIELD_DOME_MAX_COUNT,
  },
};

const COMBAT_DEFENSES: readonly UnitDef[] = OGAME_COMBAT_DEFENSE_IDS.map((type) => {
  const row = DEFENSE_ROWS[type];
  const combat = OGAME_COMBAT_UNITS[type];
  const def = combatUnitDef(type, 'defense', {
    name: row.name,
    requires: row.requires,
    stats: {
      attack: combat.attack,
      shield: combat.shield,
      structure: combat.structure,
      ...IMMOBILE,
    },
    ...(row.note === undefined ? {} : { note: row.note }),
  });
  if (row.maxCount !== undefined) def.maxCount = row.maxCount;
  return def;
});

/**
 * Missiles wait in the missile silo: they never fight in a battle (hence not in
 * combat-units.ts). The anti-ballistic missile costs 8000 metal and 2000 deuterium: its
 * structural integrity of 8000 (= metal + crystal) is the game's, and the spec's "8000/2000/0"
 * row contradicts it. Silo capacity (10 slots per level, IPM 2 slots, ABM 1) is not enforced:
 * the Ruleset interface has no count that depends on a building.
 */
const MISSILES: readonly UnitDef[] = [
  {
    type: 'anti_ballistic_missile',
    category: 'defense',
    name: 'Anti-Ballistic Missile',
    baseCost: price(8000, 0, 2000),
    costFactor: 1,
    requires: [{ type: 'missile_silo', level: 2 }],
    stats: { attack: 1, shield: 1, structure: 8000, ...IMMOBILE },
    note: 'Destroys one incoming interplanetary missile; never fights in a battle.',
  },
  {
    type: 'interplanetary_missile',
    category: 'defense',
    name: 'Interplanetary Missile',
    baseCost: price(12_500, 2500, 10_000),
    costFactor: 1,
    requires: [
      { type: 'missile_silo', level: 4 },
      { type: 'impulse_drive', level: 1 },
    ],
    stats: { attack: 12_000, shield: 1, structure: 15_000, ...IMMOBILE },
    note: 'Range 5 × impulse drive − 1 systems; never fights in a battle.',
  },
];

export const OGAME_DEFENSES: readonly UnitDef[] = [...COMBAT_DEFENSES, ...MISSILES];

/** Stats of one defense under its owner's research: weapons, shielding and armour only. */
export function ogameDefenseStats(base: UnitStats, research: Levels): UnitStats {
  return { ...base, ...combatStats(base, research) };
}
