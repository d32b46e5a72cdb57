// The real game's technologies (spec/ogame-rules.md §3.3). Prerequisites may name buildings
// (the research lab): `missingRequirements` looks those up among the planet's buildings.

import { price } from '../math.js';
import type { Cost, Requirement, UnitDef } from '../types.js';

export const OGAME_RESEARCH_IDS = [
  'energy',
  'laser',
  'ion',
  'hyperspace',
  'plasma',
  'combustion_drive',
  'impulse_drive',
  'hyperspace_drive',
  'espionage',
  'computer',
  'astrophysics',
  'intergalactic_research_network',
  'graviton',
  'weapons',
  'shielding',
  'armour',
] as const;

export type OgameResearchId = (typeof OGAME_RESEARCH_IDS)[number];

/** Most technologies double in price per level. */
const DOUBLING = 2;
/** Astrophysics grows by 1.75 and is priced in whole hundreds. */
export const ASTROPHYSICS_COST_FACTOR = 1.75;
export const ASTROPHYSICS_COST_ROUND_TO = 100;
/** Graviton triples its energy per level in the live game (AG); OGameX uses 2. */
export const GRAVITON_COST_FACTOR = 3;

interface ResearchRow {
  name: string;
  cost: Cost;
  /** Research-lab level the technology needs (a building, checked on the researching planet). */
  lab: number;
  requires?: Requirement[];
  factor?: number;
  costRoundTo?: number;
  note?: string;
}

function research(type: OgameResearchId, row: ResearchRow): UnitDef {
  const def: UnitDef = {
    type,
    category: 'research',
    name: row.name,
    baseCost: row.cost,
    costFactor: row.factor ?? DOUBLING,
    requires: [{ type: 'research_lab', level: row.lab }, ...(row.requires ?? [])],
  };
  if (row.costRoundTo !== undefined) def.costRoundTo = row.costRoundTo;
  if (row.note !== undefined) def.note = row.note;
  return def;
}

export const OGAME_RESEARCH: readonly UnitDef[] = [
  research('energy', { name: 'Energy Technology', cost: price(0, 800, 400), lab: 1 }),
  research('laser', {
    name: 'Laser Technology',
    cost: price(200, 100, 0),
    lab: 1,
    requires: [{ type: 'energy', level: 2 }],
  }),
  research('ion', {
    name: 'Ion Technology',
    cost: price(1000, 300, 100),
    lab: 4,
    requires: [
      { type: 'energy', level: 4 },
      { type: 'laser', level: 5 },
    ],
    note: 'Each level makes demolishing buildings 4 % cheaper.',
  }),
  research('hyperspace', {
    name: 'Hyperspace Technology',
    cost: price(0, 4000, 2000),
    lab: 7,
    requires: [
      { type: 'energy', level: 5 },
      { type: 'shielding', level: 5 },
    ],
    note: 'Each level adds 5 % of the base cargo capacity of every ship.',
  }),
  research('plasma', {
    name: 'Plasma Technology',
    cost: price(2000, 4000, 1000),
    lab: 4,
    requires: [
      { type: 'energy', level: 8 },
      { type: 'laser', level: 10 },
      { type: 'ion', level: 5 },
    ],
    note: 'Each level adds 1 % metal, 0.66 % crystal and 0.33 % deuterium mine output.',
  }),
  research('combustion_drive', {
    name: 'Combustion Drive',
    cost: price(400, 0, 600),
    lab: 1,
    requires: [{ type: 'energy', level: 1 }],
  }),
  research('impulse_drive', {
    name: 'Impulse Drive',
    cost: price(2000, 4000, 600),
    lab: 2,
    requires: [{ type: 'energy', level: 1 }],
  }),
  research('hyperspace_drive', {
    name: 'Hyperspace Drive',
    cost: price(10_000, 20_000, 6000),
    lab: 7,
    requires: [{ type: 'hyperspace', level: 3 }],
  }),
  research('espionage', { name: 'Espionage Technology', cost: price(200, 1000, 200), lab: 3 }),
  research('computer', {
    name: 'Computer Technology',
    cost: price(0, 400, 600),
    lab: 1,
    note: 'Fleet slots = 1 + level.',
  }),
  research('astrophysics', {
    name: 'Astrophysics',
    cost: price(4000, 8000, 4000),
    lab: 3,
    requires: [
      { type: 'espionage', level: 4 },
      { type: 'impulse_drive', level: 3 },
    ],
    factor: ASTROPHYSICS_COST_FACTOR,
    costRoundTo: ASTROPHYSICS_COST_ROUND_TO,
    note: 'Prices grow by 1.75 per level and are rounded to the nearest 100.',
  }),
  research('intergalactic_research_network', {
    name: 'Intergalactic Research Network',
    cost: price(240_000, 400_000, 160_000),
    lab: 10,
    requires: [
      { type: 'computer', level: 8 },
      { type: 'hyperspace', level: 8 },
    ],
    note: 'Each level links the next best research lab of the player to the researching one.',
  }),
  research('graviton', {
    name: 'Graviton Technology',
    cost: { metal: 0, crystal: 0, deuterium: 0, energy: 300_000 },
    lab: 12,
    factor: GRAVITON_COST_FACTOR,
    note: 'Asks only for energy, tripled per level (live game; OGameX doubles it).',
  }),
  research('weapons', { name: 'Weapons Technology', cost: price(800, 200, 0), lab: 4 }),
  research('shielding', {
    name: 'Shielding Technology',
    cost: price(200, 600, 0),
    lab: 6,
    requires: [{ type: 'energy', level: 3 }],
  }),
  research('armour', { name: 'Armour Technology', cost: price(1000, 0, 0), lab: 2 }),
];
