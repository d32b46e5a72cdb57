// OGame flight (distance, duration, fuel) and espionage rules, pinned with worked numbers
// (spec/ogame-rules.md §3.7 and §3.10; the live game / alaingilbert/ogame where sources differ).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOgameRuleset, createSeedRuleset, type Levels } from '../../src/rules/index.js';
import {
  counterEspionageChance,
  effectiveProbes,
  ogameDistance,
  ogameFlightSeconds,
} from '../../src/rules/ogame/fleet.js';
import { ogame } from './helpers.js';

const universe = { galaxies: 9, systems: 499, positions: 15 };
const at = (galaxy: number, system: number, position: number) => ({ galaxy, system, position });
const donut = { donutGalaxy: true, donutSystem: true };
const flat = { donutGalaxy: false, donutSystem: false };

/** The OGame flight of `ships` from 1:1:1 (or `from`) to `to`. */
function fly(
  ships: Levels,
  to: ReturnType<typeof at>,
  options: {
    rules?: ReturnType<typeof createOgameRuleset>;
    speedFraction?: number;
    research?: Levels;
    from?: ReturnType<typeof at>;
    holdingHours?: number;
  } = {},
) {
  const rules = options.rules ?? ogame;
  return rules.flight!({
    from: options.from ?? at(1, 1, 1),
    to,
    universe,
    ships,
    research: options.research ?? {},
    speedFraction: options.speedFraction ?? 1,
    ...(options.holdingHours === undefined ? {} : { holdingHours: options.holdingHours }),
  });
}

describe('ogame flight distance', () => {
  it('same coordinates: 5; same system: 1000 + 5 × Δp', () => {
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 1, 1), universe, donut), 5);
    assert.equal(ogameDistance(at(1, 1, 4), at(1, 1, 9), universe, donut), 1025);
    assert.equal(ogameDistance(at(1, 1, 9), at(1, 1, 4), universe, donut), 1025);
  });

  it('same galaxy: 2700 + 95 × Δs, the position does not count', () => {
    assert.equal(ogameDistance(at(1, 10, 1), at(1, 7, 15), universe, donut), 2700 + 95 * 3);
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 2, 1), universe, flat), 2795);
  });

  it('donut systems take the shorter way round: min(Δs, 499 − Δs)', () => {
    // 1 → 499: one system apart across the seam.
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 499, 1), universe, donut), 2795);
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 499, 1), universe, flat), 2700 + 95 * 498);
    // 1 → 400: 399 the direct way, 100 across the seam.
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 400, 1), universe, donut), 12_200);
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 400, 1), universe, flat), 40_605);
    // Half-way round (249 vs 250) the direct way is shorter anyway.
    assert.equal(ogameDistance(at(1, 1, 1), at(1, 250, 1), universe, donut), 2700 + 95 * 249);
  });

  it('other galaxy: 20 000 × Δg, donut min(Δg, 9 − Δg); systems and positions do not count', () => {
    assert.equal(ogameDistance(at(2, 1, 1), at(5, 300, 9), universe, donut), 60_000);
    assert.equal(ogameDistance(at(1, 1, 1), at(9, 1, 1), universe, donut), 20_000);
    assert.equal(ogameDistance(at(1, 1, 1), at(9, 1, 1), universe, flat), 160_000);
    assert.equal(ogameDistance(at(1, 1, 1), at(6, 1, 1), universe, donut), 80_000); // min(5, 4)
  });

  it('the ruleset reads the donut switches from its options (both on by default)', () => {
    assert.equal(fly({ small_cargo: 1 }, at(1, 499, 1)).distance, 2795);
    const noDonut = createOgameRuleset({ donutSystem: false, donutGalaxy: false });
    assert.equal(fly({ small_cargo: 1 }, at(1, 499, 1), { rules: noDonut }).distance, 50_010);
    assert.equal(fly({ small_cargo: 1 }, at(9, 1, 1), { rules: noDonut }).distance, 160_000);
    assert.equal(fly({ small_cargo: 1 }, at(9, 1, 1)).distance, 20_000);
  });
});

describe('ogame flight duration', () => {
  it('round((3500 / s × √(10 × d / v) + 10) / fleet speed)', () => {
    // Small cargo (5000) to the next system: 3500 × √5.59 + 10 = 8285.11 → 8285 s.
    const plan = fly({ small_cargo: 1 }, at(1, 2, 1));
    assert.equal(plan.speed, 5000);
    assert.equal(plan.durationSeconds, 8285);
    // Half speed: 7000 × √5.59 + 10 = 16 560.2 → 16 560 s.
    assert.equal(
      fly({ small_cargo: 1 }, at(1, 2, 1), { speedFraction: 0.5 }).durationSeconds,
      16_560,
    );
    // Fleet speed 2: 8285.11 / 2 = 4142.56 rounds up to 4143 (a floor would give 4142).
    const fast = createOgameRuleset({ fleetSpeed: 2 });
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1), { rules: fast }).durationSeconds, 4143);
  });

  it('the slowest ship sets the pace; drives and their upgrades apply', () => {
    assert.equal(fly({ small_cargo: 1, light_fighter: 9 }, at(1, 2, 1)).durationSeconds, 8285);
    // Light fighter alone (12 500): 3500 × √2.236 + 10 = 5243.64 → 5244 s.
    assert.equal(fly({ light_fighter: 1 }, at(1, 2, 1)).durationSeconds, 5244);
    // Impulse drive 5: the small cargo flies on impulse at 10 000 × 2 = 20 000 → 4148 s.
    const impulse = fly({ small_cargo: 1 }, at(1, 2, 1), { research: { impulse_drive: 5 } });
    assert.equal(impulse.speed, 20_000);
    assert.equal(impulse.durationSeconds, 4148);
  });

  it('is at least one second', () => {
    assert.equal(ogameFlightSeconds(5, 100_000_000, 1, 1), 12); // 2.47 + 10
    assert.equal(ogameFlightSeconds(5, 100_000_000, 1, 1000), 1);
  });

  it('throws without a flying ship', () => {
    assert.throws(() => fly({}, at(1, 2, 1)), RangeError);
    assert.throws(() => fly({ solar_satellite: 1 }, at(1, 2, 1)), RangeError);
  });
});

describe('ogame flight fuel', () => {
  it('1 + round(Σ max(n·f·d / 35 000 × (sv / 10 + 1)², 1)): the live game’s + 1', () => {
    // One small cargo, next system: 10 × 2795 / 35 000 × 2² = 3.19 → 3, + 1 = 4.
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1)).fuel, 4);
    // Half speed: sv ≈ 5, 0.7986 × 1.5² = 1.80 → 2, + 1 = 3.
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1), { speedFraction: 0.5 }).fuel, 3);
    // 100 large cargos two galaxies away: 100 × 50 × 40 000 / 35 000 × 2² = 22 857.1 → 22 858.
    const convoy = fly({ large_cargo: 100 }, at(3, 1, 1));
    assert.deepEqual(convoy, {
      distance: 40_000,
      durationSeconds: 25_570,
      fuel: 22_858,
      speed: 7500,
    });
    // Ten cruisers four positions away: 10 × 300 × 1020 / 35 000 × 2² = 349.7 → 350, + 1.
    assert.equal(fly({ cruiser: 10 }, at(1, 1, 5)).fuel, 351);
  });

  it('each ship type burns at least 1; a lone probe costs 2', () => {
    // 1 × 1 × 1005 / 35 000 × 2² = 0.115, raised to 1, + 1 = 2.
    assert.deepEqual(fly({ espionage_probe: 1 }, at(1, 1, 2)), {
      distance: 1005,
      durationSeconds: 45,
      fuel: 2,
      speed: 100_000_000,
    });
    // Across a galaxy: 0.5714 × 1.997² = 2.28 → 2, + 1 = 3.
    assert.equal(fly({ espionage_probe: 1 }, at(2, 1, 1)).fuel, 3);
  });

  it('a fast ship flying with a slow one burns by its own, lower speed (sv per type)', () => {
    // Light fighter alone: 20 × 2795 / 35 000 × 2² = 6.39 → 6, + 1 = 7.
    assert.equal(fly({ light_fighter: 1 }, at(1, 2, 1)).fuel, 7);
    // With a small cargo: the fighter's sv = 35 000 / 8275 × √2.236 = 6.32 → 1.597 × 1.632² = 4.26;
    // plus the cargo's 3.19: 7.45 → 7, + 1 = 8 (not 4 + 7).
    assert.equal(fly({ small_cargo: 1, light_fighter: 1 }, at(1, 2, 1)).fuel, 8);
  });

  it('drive upgrades change the fuel (small cargo on impulse burns 20)', () => {
    // 20 × 2795 / 35 000 × 1.9999² = 6.39 → 6, + 1 = 7.
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1), { research: { impulse_drive: 5 } }).fuel, 7);
  });

  it('the deuterium-save factor scales every ship’s fuel use', () => {
    const saver = createOgameRuleset({ deuteriumSaveFactor: 0.5 });
    // 100 × 25 × 40 000 / 35 000 × 2² = 11 428.7 → 11 429, + 1.
    assert.equal(fly({ large_cargo: 100 }, at(3, 1, 1), { rules: saver }).fuel, 11_430);
    // A probe's fuel 1 × 0.5 is raised back to 1 per ship.
    assert.equal(fly({ espionage_probe: 1 }, at(2, 1, 1), { rules: saver }).fuel, 3);
  });

  it('a faster universe burns more for the same flight', () => {
    const fast = createOgameRuleset({ fleetSpeed: 2 });
    // t = 4143: sv = 35 000 / (8286 − 10) × √5.59 = 10.0 → the same 4 as at speed 1.
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1), { rules: fast }).fuel, 4);
    // At half speed in a speed-2 universe: t = 8280, sv = 5.0 → 3, as at speed 1.
    assert.equal(fly({ small_cargo: 1 }, at(1, 2, 1), { rules: fast, speedFraction: 0.5 }).fuel, 3);
    // A very short flight in a very fast universe stays finite (t × speed − 10 would be 0).
    const blitz = createOgameRuleset({ fleetSpeed: 10 });
    assert.deepEqual(fly({ espionage_probe: 1 }, at(1, 1, 1), { rules: blitz }), {
      distance: 5,
      durationSeconds: 1,
      fuel: 2,
      speed: 100_000_000,
    });
  });

  it('holding adds max(⌊Σ n·f·hours / 10⌋, 1)', () => {
    assert.equal(fly({ cruiser: 10 }, at(1, 1, 5), { holdingHours: 2 }).fuel, 351 + 600);
    assert.equal(fly({ espionage_probe: 1 }, at(1, 1, 2), { holdingHours: 1 }).fuel, 2 + 1);
  });

  it('the seed still burns nothing and flies by its linear formula', () => {
    const seed = createSeedRuleset({ fleetSpeed: 1 });
    const plan = seed.flight!({
      from: at(1, 1, 1),
      to: at(1, 2, 1),
      universe,
      ships: { heavy_fighter: 1 },
      research: {},
      speedFraction: 1,
    });
    assert.deepEqual(plan, { distance: 15, durationSeconds: 5, fuel: 0, speed: 10_000 });
  });
});

describe('ogame espionage report visibility', () => {
  const spy = (probes: number, attacker = 0, defender = 0, ships: Levels = {}) =>
    ogame.espionage!({
      shipsSent: { espionage_probe: probes, ...ships },
      attackerResearch: { espionage: attacker },
      defenderResearch: { espionage: defender },
    });
  const sections = (v: ReturnType<typeof spy>) =>
    (['resources', 'fleet', 'defenses', 'buildings', 'research'] as const).filter((k) => v[k]);

  it('equal technology: resources always, then fleet / defenses / buildings / research at 2 / 3 / 5 / 7 probes', () => {
    assert.deepEqual(sections(spy(1)), ['resources']);
    assert.deepEqual(sections(spy(2)), ['resources', 'fleet']);
    assert.deepEqual(sections(spy(3)), ['resources', 'fleet', 'defenses']);
    assert.deepEqual(sections(spy(4)), ['resources', 'fleet', 'defenses']);
    assert.deepEqual(sections(spy(5)), ['resources', 'fleet', 'defenses', 'buildings']);
    assert.deepEqual(sections(spy(6)), ['resources', 'fleet', 'defenses', 'buildings']);
    assert.deepEqual(sections(spy(7)), ['resources', 'fleet', 'defenses', 'buildings', 'research']);
  });

  it('an espionage lead of 1 / 2 / 3 / 4 levels shows the same sections with one probe', () => {
    assert.deepEqual(sections(spy(1, 4, 3)), ['resources', 'fleet']);
    assert.deepEqual(sections(spy(1, 5, 3)), ['resources', 'fleet', 'defenses']);
    assert.deepEqual(sections(spy(1, 6, 3)), ['resources', 'fleet', 'defenses', 'buildings']);
    assert.equal(sections(spy(1, 7, 3)).length, 5);
    // Lead and probes combine: a lead of 2 shows defenses, 5 probes add the buildings.
    assert.deepEqual(sections(spy(5, 2, 0)), ['resources', 'fleet', 'defenses', 'buildings']);
  });

  it('a defender lead costs lead² probes', () => {
    assert.equal(effectiveProbes(7, 0, 2), 3);
    assert.equal(effectiveProbes(4, 0, 2), 0);
    assert.equal(effectiveProbes(3, 1, 4), 0); // 3 − 9, not negative
    assert.equal(effectiveProbes(5, 3, 1), 5); // an attacker lead adds no probes
    assert.deepEqual(sections(spy(4, 0, 2)), ['resources']);
    assert.deepEqual(sections(spy(7, 0, 2)), ['resources', 'fleet', 'defenses']);
    assert.equal(sections(spy(11, 0, 2)).length, 5);
  });

  it('only probes count: other ships add nothing', () => {
    assert.deepEqual(sections(spy(1, 0, 0, { cruiser: 50 })), ['resources']);
    assert.deepEqual(sections(spy(0, 0, 0, { cruiser: 50 })), ['resources']);
  });
});

describe('ogame counter-espionage chance', () => {
  it('⌊ships × (def − att + 1) / (4 × probes) × 100⌋ %', () => {
    assert.equal(counterEspionageChance(1, 1, 0, 0), 25);
    assert.equal(counterEspionageChance(1, 3, 0, 0), 8); // 8.33
    assert.equal(counterEspionageChance(3, 2, 0, 1), 75); // 3 × 2 / 8
    assert.equal(counterEspionageChance(2, 5, 3, 5), 30); // 2 × 3 / 20
  });

  it('is clamped to 100 and is 0 without ships, without probes or when the spy leads', () => {
    assert.equal(counterEspionageChance(4, 1, 0, 0), 100);
    assert.equal(counterEspionageChance(1000, 1, 0, 0), 100);
    assert.equal(counterEspionageChance(0, 1, 0, 0), 0);
    assert.equal(counterEspionageChance(10, 0, 0, 0), 0);
    assert.equal(counterEspionageChance(1000, 1, 1, 0), 0); // factor 0
    assert.equal(counterEspionageChance(1000, 1, 5, 2), 0); // factor < 0
  });

  it('is part of the ruleset’s espionage answer (defender ships from the simulation)', () => {
    const visible = ogame.espionage!({
      shipsSent: { espionage_probe: 2 },
      attackerResearch: { espionage: 3 },
      defenderResearch: { espionage: 4 },
      defenderShips: 5,
    });
    assert.equal(visible.counterEspionageChance, 100); // 5 × 2 / 8 = 125 %
    assert.equal(
      ogame.espionage!({
        shipsSent: { espionage_probe: 2 },
        attackerResearch: {},
        defenderResearch: {},
      }).counterEspionageChance,
      0,
    );
  });
});

describe('ogame fleet options and policies', () => {
  it('only probes may spy', () => {
    assert.deepEqual(ogame.policies.espionageShipTypes, ['espionage_probe']);
    assert.equal(createSeedRuleset().policies.espionageShipTypes, undefined);
  });

  it('rejects a deuterium-save factor outside (0, 1] and non-boolean donut switches', () => {
    assert.throws(() => createOgameRuleset({ deuteriumSaveFactor: 0 }), RangeError);
    assert.throws(() => createOgameRuleset({ deuteriumSaveFactor: 1.5 }), RangeError);
    assert.throws(
      () => createOgameRuleset({ donutGalaxy: 1 as unknown as boolean }),
      /donutGalaxy must be a boolean/,
    );
    // The seed ignores them but still validates them.
    assert.throws(() => createSeedRuleset({ deuteriumSaveFactor: 2 }), RangeError);
    assert.doesNotThrow(() => createSeedRuleset({ donutGalaxy: false, deuteriumSaveFactor: 0.7 }));
  });

  it('describes the flight knobs and formulas for GET /rules', () => {
    const description = createOgameRuleset({
      donutSystem: false,
      deuteriumSaveFactor: 0.7,
    }).describe();
    assert.equal(description.constants.donutGalaxy, true);
    assert.equal(description.constants.donutSystem, false);
    assert.equal(description.constants.deuteriumSaveFactor, 0.7);
    assert.equal(description.constants.fuelSurcharge, 1);
    assert.ok(description.formulas.fuel?.includes('1 + round'));
    assert.ok(description.formulas.counterEspionage?.includes('4 × probes'));
    assert.deepEqual(description.policies.espionageShipTypes, ['espionage_probe']);
  });
});
