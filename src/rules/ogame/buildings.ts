// The real game's planet buildings (spec/ogame-rules.md §3.3). Moon buildings (lunar base,
// sensor phalanx, jump gate) are left out: the Ruleset interface has no notion of a moon, so
// they could only be offered on planets, where the real game forbids them.

import { price } from '../math.js';
import type { Cost, Requirement, UnitDef } from '../types.js';

export const OGAME_BUILDING_IDS = [
  'metal_mine',
  'crystal_mine',
  'deuterium_synthesizer',
  'solar_plant',
  'fusion_reactor',
  'robot_factory',
  'nanite_factory',
  'shipyard',
  'metal_storage',
  'crystal_storage',
  'deuterium_tank',
  'research_lab',
  'terraformer',
  'alliance_depot',
  'space_dock',
  'missile_silo',
] as const;

export type OgameBuildingId = (typeof OGAME_BUILDING_IDS)[number];

interface BuildingRow {
  name: string;
  cost: Cost;
  factor: number;
  requires?: Requirement[];
  energyCostFactor?: number;
  note?: string;
}

function building(type: OgameBuildingId, row: BuildingRow): UnitDef {
  const def: UnitDef = {
    type,
    category: 'building',
    name: row.name,
    baseCost: row.cost,
    costFactor: row.factor,
    requires: row.requires ?? [],
  };
  if (row.energyCostFactor !== undefined) def.energyCostFactor = row.energyCostFactor;
  if (row.note !== undefined) def.note = row.note;
  return def;
}

/** A price that also asks for energy (produced on the planet, not spent). */
function priceWithEnergy(metal: number, crystal: number, deuterium: number, energy: number): Cost {
  return { ...price(metal, crystal, deuterium), energy };
}

export const OGAME_BUILDINGS: readonly UnitDef[] = [
  building('metal_mine', { name: 'Metal Mine', cost: price(60, 15, 0), factor: 1.5 }),
  building('crystal_mine', {
    name: 'Crystal Mine',
    cost: price(48, 24, 0),
    factor: 1.6,
  }),
  building('deuterium_synthesizer', {
    name: 'Deuterium Synthesizer',
    cost: price(225, 75, 0),
    factor: 1.5,
  }),
  building('solar_plant', { name: 'Solar Plant', cost: price(75, 30, 0), factor: 1.5 }),
  building('fusion_reactor', {
    name: 'Fusion Reactor',
    cost: price(900, 360, 180),
    factor: 1.8,
    requires: [
      { type: 'deuterium_synthesizer', level: 5 },
      { type: 'energy', level: 3 },
    ],
  }),
  building('robot_factory', {
    name: 'Robotics Factory',
    cost: price(400, 120, 200),
    factor: 2,
  }),
  building('nanite_factory', {
    name: 'Nanite Factory',
    cost: price(1_000_000, 500_000, 100_000),
    factor: 2,
    requires: [
      { type: 'robot_factory', level: 10 },
      { type: 'computer', level: 10 },
    ],
    note: 'Its own levels skip the 2/(8 − L) factor of low building levels.',
  }),
  building('shipyard', {
    name: 'Shipyard',
    cost: price(400, 200, 100),
    factor: 2,
    requires: [{ type: 'robot_factory', level: 2 }],
  }),
  building('metal_storage', {
    name: 'Metal Storage',
    cost: price(1000, 0, 0),
    factor: 2,
  }),
  building('crystal_storage', {
    name: 'Crystal Storage',
    cost: price(1000, 500, 0),
    factor: 2,
  }),
  building('deuterium_tank', {
    name: 'Deuterium Tank',
    cost: price(1000, 1000, 0),
    factor: 2,
  }),
  building('research_lab', {
    name: 'Research Lab',
    cost: price(200, 400, 200),
    factor: 2,
  }),
  building('terraformer', {
    name: 'Terraformer',
    cost: priceWithEnergy(0, 50_000, 100_000, 1000),
    factor: 2,
    requires: [
      { type: 'nanite_factory', level: 1 },
      { type: 'energy', level: 12 },
    ],
  }),
  building('alliance_depot', {
    name: 'Alliance Depot',
    cost: price(20_000, 40_000, 0),
    factor: 2,
  }),
  building('space_dock', {
    name: 'Space Dock',
    cost: priceWithEnergy(200, 0, 50, 50),
    factor: 5,
    energyCostFactor: 2.5,
    requires: [{ type: 'shipyard', level: 2 }],
    note: 'Live game (AG): resources × 5 and energy × 2.5 per level; OGameX uses 2.',
  }),
  building('missile_silo', {
    name: 'Missile Silo',
    cost: price(20_000, 20_000, 1000),
    factor: 2,
    requires: [{ type: 'shipyard', level: 1 }],
  }),
];

/** A fresh planet has no building at all: the real game starts every level at 0. */
export const OGAME_STARTING_BUILDINGS: Readonly<Record<OgameBuildingId, number>> =
  Object.fromEntries(OGAME_BUILDING_IDS.map((id) => [id, 0])) as Record<OgameBuildingId, number>;
