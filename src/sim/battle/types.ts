// Public data shapes of the battle engine. The engine is ruleset-agnostic: callers hand it unit
// groups whose stats already include research (see research.ts), so the same engine serves the
// seed ruleset and the OGame ruleset.

/** Rapid fire of one shooter type: target type -> n (fire again with probability 1 - 1/n). */
export type RapidFireTable = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** A number of identical units: same type, same owner technologies. */
export interface CombatGroup {
  /** Unit type id, e.g. 'cruiser'. Rapid fire tables refer to targets by this id. */
  readonly type: string;
  readonly count: number;
  /** Damage of one shot (research applied). */
  readonly attack: number;
  /** Maximum shield (research applied); regenerates fully every round. */
  readonly shield: number;
  /** Maximum hull = structural integrity x (1 + 0.1 x armour) / 10. */
  readonly hull: number;
  readonly rapidFire?: RapidFireTable;
}

/**
 * One side of a battle. Several groups may share a type (e.g. two fleets of an alliance attack
 * with different technologies); results are reported per group (same order) and per type.
 */
export interface CombatSide {
  readonly groups: readonly CombatGroup[];
}

export interface BattleInput {
  readonly attackers: CombatSide;
  readonly defenders: CombatSide;
  /** Seed of the battle's random stream; stored in the report so the battle can be replayed. */
  readonly seed: number;
  /** Rounds before a draw is declared; the game uses 6. */
  readonly maxRounds?: number;
}

export type BattleWinner = 'attacker' | 'defender' | 'draw';

/** What one side did and suffered in one round. */
export interface RoundSideStats {
  /** Shots this side fired, rapid-fire extra shots included. */
  readonly shots: number;
  /** Total firepower of those shots (shots x attack). */
  readonly damageDealt: number;
  /** Part of this side's firepower stopped by the enemy's shields, bounced shots included. */
  readonly damageAbsorbed: number;
  /** Units this side lost in the round. */
  readonly unitsLost: number;
  /** Units of this side still alive after the round, per input group (same order). */
  readonly survivorsByGroup: readonly number[];
}

export interface RoundSummary {
  /** 1-based round number. */
  readonly round: number;
  readonly attackers: RoundSideStats;
  readonly defenders: RoundSideStats;
}

export interface GroupOutcome {
  readonly type: string;
  readonly initial: number;
  readonly survivors: number;
  readonly lost: number;
}

export interface SideOutcome {
  /** Per input group, in input order. */
  readonly groups: readonly GroupOutcome[];
  /** Surviving units per type (types with zero survivors included). */
  readonly survivors: Readonly<Record<string, number>>;
  /** Lost units per type (types with zero losses included). */
  readonly losses: Readonly<Record<string, number>>;
}

export interface BattleResult {
  readonly seed: number;
  readonly winner: BattleWinner;
  /** Rounds actually fought (0 when a side was empty from the start). */
  readonly roundsFought: number;
  readonly rounds: readonly RoundSummary[];
  readonly attackers: SideOutcome;
  readonly defenders: SideOutcome;
}

/** Amounts of the three resources (debris, loot, costs). */
export interface Resources {
  readonly metal: number;
  readonly crystal: number;
  readonly deuterium: number;
}

/** What the after-battle helpers need to know about a unit type (a catalog entry fits). */
export interface UnitEconomics {
  readonly kind: 'ship' | 'defense';
  readonly cost: Resources;
  /** Base cargo capacity (0 for defenses). */
  readonly cargo: number;
}

/** Unit type id -> economics; e.g. OGAME_COMBAT_UNITS from src/rules/ogame/combat-units.ts. */
export type UnitCatalog = Readonly<Record<string, UnitEconomics>>;

/** Unit counts per type id. */
export type UnitCounts = Readonly<Record<string, number>>;
