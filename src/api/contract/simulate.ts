// Schemas of POST /simulate/battle. The body is checked by sim/combat/simulate.ts
// prepareSimulation (400 naming the field); one battle answers its full outcome, several
// answer averages (sim/combat/simulate.ts summarizeSimulation).
import { Type } from 'typebox';
import {
  MAX_SIMULATION_RUNS,
  MAX_SIMULATION_UNITS,
  MAX_TECH_LEVEL,
} from '../../sim/combat/simulate.js';
import { Resources } from './common.js';
import { ResearchType, ShipType } from './enums.js';
import { MapOf, Named, Obj, StringEnum } from './kit.js';
import { BattleOutcomeShape } from './messages.js';

const UINT32_MAX = 2 ** 32 - 1;
const rulesNote = 'Types of the active ruleset (GET /rules); another is 400 `unknown_type`.';

const Units = (description: string, keys?: typeof ShipType) =>
  MapOf(Type.Integer({ minimum: 0, maximum: MAX_SIMULATION_UNITS }), {
    description: `${description} ${rulesNote}`,
    ...(keys ? { propertyNames: keys } : {}),
  });

const Techs = MapOf(Type.Integer({ minimum: 0, maximum: MAX_TECH_LEVEL }), {
  description: `Technology levels (0 when absent). ${rulesNote}`,
  propertyNames: ResearchType,
});

const Amount = Type.Number({ minimum: 0, description: 'Floored to whole units.' });

export const SimulationRequest = Obj({
  attacker: Obj({
    ships: Units('Attacking ships by type (at least one).', ShipType),
    techs: Type.Optional(Techs),
  }),
  defender: Obj({
    ships: Type.Optional(Units('Defending ships by type.', ShipType)),
    defenses: Type.Optional(Units('Defenses by type.')),
    techs: Type.Optional(Techs),
    resources: Type.Optional(
      Obj(
        {
          metal: Type.Optional(Amount),
          crystal: Type.Optional(Amount),
          deuterium: Type.Optional(Amount),
        },
        { description: 'What the planet holds, for the loot.' },
      ),
    ),
  }),
  seed: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: UINT32_MAX,
      description: 'Drawn at random when absent (and answered, so the battle can be replayed).',
    }),
  ),
  runs: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_SIMULATION_RUNS,
      default: 1,
      description: 'Battles to average, with the seeds seed, seed + 1, ...',
    }),
  ),
});

/** One battle: the outcome of a battle report, without its time and place. */
const { resolved_at: _at, location: _where, ...outcomeFields } = BattleOutcomeShape.properties;

export const SimulatedBattle = Named(
  'SimulatedBattle',
  Obj(
    { runs: Type.Literal(1), ...outcomeFields },
    { description: 'The outcome of one simulated battle.' },
  ),
);

const Mean = (description: string) =>
  MapOf(Type.Number({ minimum: 0 }), { description: `${description} (mean over the runs)` });
const MeanNumber = (description?: string) =>
  Type.Number(description ? { description: `${description} (mean over the runs)` } : {});

export const SimulationAverages = Named(
  'SimulationAverages',
  Obj(
    {
      runs: Type.Integer({ minimum: 2, maximum: MAX_SIMULATION_RUNS }),
      winner: StringEnum(['attacker', 'defender', 'draw'], {
        description: 'The most frequent winner; draw on a tie.',
      }),
      wins: Obj({
        attacker: Type.Integer({ minimum: 0 }),
        defender: Type.Integer({ minimum: 0 }),
        draw: Type.Integer({ minimum: 0 }),
      }),
      rounds: MeanNumber('Rounds fought'),
      seed: Type.Integer({ minimum: 0, description: 'The seed of the first run.' }),
      attacker_power: Type.Number(),
      defender_power: Type.Number(),
      attacker_remaining_power: MeanNumber(),
      defender_remaining_power: MeanNumber(),
      attacker_losses: Mean('Units lost by type'),
      defender_losses: Mean('Units lost for good by type'),
      attacker_remaining: Mean('Surviving units by type'),
      defender_remaining: Mean('Surviving units by type'),
      debris: Resources,
      loot: Resources,
      moon_chance: MeanNumber('Percent'),
    },
    { description: 'Averages over several seeded battles (runs > 1).' },
  ),
);

export const SimulationResult = Named(
  'SimulationResult',
  Type.Union([SimulatedBattle, SimulationAverages], {
    description: 'One battle (runs = 1) or the averages of several.',
  }),
);
