// OGame production, energy and storage (spec/ogame-rules.md §3.1–3.2), pinned to worked numbers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOgameRuleset } from '../../src/rules/index.js';
import { near, ogame, ogamePlanet } from './helpers.js';

/** Enough solar power for any mine a test builds, so the energy factor stays 1. */
const PLENTY_OF_SOLAR = { solar_plant: 20 };

describe('ogame storage (modern formula)', () => {
  it('is 5000 × ⌊2.5 × e^(20L/33)⌋: 10 000, 20 000, 40 000, 75 000, 140 000, 255 000', () => {
    const expected = [10_000, 20_000, 40_000, 75_000, 140_000, 255_000];
    expected.forEach((capacity, level) => {
      const caps = ogame.storageCapacity(
        ogamePlanet({
          buildings: { metal_storage: level, crystal_storage: level, deuterium_tank: level },
        }),
      );
      assert.deepEqual(
        caps,
        { metal: capacity, crystal: capacity, deuterium: capacity },
        `L${level}`,
      );
    });
  });

  it('does not depend on planet size', () => {
    const small = ogame.storageCapacity(ogamePlanet({ size: 90, buildings: { metal_storage: 3 } }));
    const big = ogame.storageCapacity(ogamePlanet({ size: 250, buildings: { metal_storage: 3 } }));
    assert.deepEqual(small, big);
    assert.deepEqual(small, { metal: 75_000, crystal: 10_000, deuterium: 10_000 });
  });
});

describe('ogame production', () => {
  it('metal mine L2 makes ⌊72.6⌋ = 72 per hour on top of the 30 basic income (speed 1)', () => {
    const rates = ogame.production(ogamePlanet({ buildings: { metal_mine: 2, solar_plant: 2 } }));
    // The Fandom table's 72 is the mine alone; the planet shows 72 + 30 = 102.
    assert.equal(rates.metal, 102);
    assert.equal(rates.crystal, 15);
    assert.equal(rates.deuterium, 0);
    assert.equal(rates.factor, 1);
  });

  it('pays the basic income even without energy or mines', () => {
    const rates = ogame.production(ogamePlanet());
    assert.deepEqual(
      { metal: rates.metal, crystal: rates.crystal, deuterium: rates.deuterium },
      { metal: 30, crystal: 15, deuterium: 0 },
    );
    assert.equal(rates.factor, 1);
    const starved = ogame.production(ogamePlanet({ buildings: { metal_mine: 5 } }));
    assert.equal(starved.factor, 0);
    assert.equal(starved.metal, 30);
  });

  it('deuterium follows 10·L·1.1^L·(1.44 − 0.004·T_max)', () => {
    const deut = (temperature: number): number =>
      ogame.production(
        ogamePlanet({
          temperature,
          buildings: { deuterium_synthesizer: 10, solar_plant: 11 },
        }),
      ).deuterium;
    assert.equal(deut(20), 352); // 259.374 × 1.36 = 352.75
    assert.equal(deut(-100), 477); // × 1.84 = 477.25
    assert.equal(deut(40), 331); // × 1.28 = 331.999…, floored
  });

  it('floors at every economy speed and scales the basic income too', () => {
    const fast = createOgameRuleset({ economySpeed: 2 });
    const rates = fast.production(ogamePlanet({ buildings: { metal_mine: 2, solar_plant: 2 } }));
    assert.equal(rates.metal, 205); // ⌊(72.6 + 30) × 2⌋
    assert.equal(rates.crystal, 30);
  });

  it('adds the position bonus to the mine (metal at slot 8: +35 %, crystal at slot 1: +40 %)', () => {
    const buildings = { metal_mine: 10, crystal_mine: 10, ...PLENTY_OF_SOLAR };
    const plain = ogame.production(ogamePlanet({ buildings }));
    assert.equal(plain.metal, 778 + 30);
    const slot8 = ogame.production(ogamePlanet({ buildings, position: 8 }));
    assert.equal(slot8.metal, 1050 + 30); // 778.12 × 1.35
    assert.equal(slot8.crystal, plain.crystal);
    const slot1 = ogame.production(ogamePlanet({ buildings, position: 1 }));
    assert.equal(slot1.crystal, Math.floor(20 * 10 * 1.1 ** 10 * 1.4) + 15);
    assert.equal(slot1.metal, plain.metal);
  });

  it('adds plasma: +1 % metal, +0.66 % crystal, +0.33 % deuterium per level, of mine + position', () => {
    const buildings = {
      metal_mine: 10,
      crystal_mine: 10,
      deuterium_synthesizer: 10,
      ...PLENTY_OF_SOLAR,
    };
    const research = { plasma: 10 };
    const rates = ogame.production(ogamePlanet({ buildings, research, temperature: 20 }));
    assert.equal(rates.metal, 855 + 30); // 778.12 × 1.10
    assert.equal(rates.crystal, 552 + 15); // 518.75 × 1.066
    assert.equal(rates.deuterium, 364); // 352.75 × 1.033
    const slot8 = ogame.production(ogamePlanet({ buildings, research, position: 8 }));
    assert.equal(slot8.metal, 1155 + 30); // 778.12 × 1.35 × 1.10
  });

  it('cuts mine output (not basic income) by the energy factor min(1, produced / consumed)', () => {
    const rates = ogame.production(
      ogamePlanet({
        buildings: { metal_mine: 10, crystal_mine: 10, deuterium_synthesizer: 10, solar_plant: 10 },
      }),
    );
    // Consumed ⌈259.37⌉ + ⌈259.37⌉ + ⌈518.75⌉ = 1039; the solar plant makes ⌊518.75⌋ = 518.
    assert.equal(rates.energyConsumed, 1039);
    assert.equal(rates.energyProduced, 518);
    near(rates.factor, 518 / 1039);
    assert.equal(rates.metal, 417);
    assert.equal(rates.crystal, 273);
    assert.equal(rates.deuterium, 165);
  });

  it('charges ⌈10·L·1.1^L⌉ energy per mine level (11 at level 1, not 12)', () => {
    const rates = ogame.production(
      ogamePlanet({ buildings: { metal_mine: 1, crystal_mine: 1, deuterium_synthesizer: 1 } }),
    );
    assert.equal(rates.energyConsumed, 11 + 11 + 22);
  });

  it('solar satellites each yield ⌊(T_max + 140) / 6⌋ energy', () => {
    const energy = (temperature: number, count: number): number =>
      ogame.production(ogamePlanet({ temperature, ships: { solar_satellite: count } }))
        .energyProduced;
    assert.equal(energy(40, 1), 30);
    assert.equal(energy(40, 10), 300);
    assert.equal(energy(260, 1), 66);
    assert.equal(energy(-130, 3), 3);
  });

  it('fusion: round(30·L·(1.05 + 0.01·energy)^L) energy for ⌈10·L·1.1^L⌉ deuterium', () => {
    const fusion = (level: number, energy: number) =>
      ogame.production(ogamePlanet({ buildings: { fusion_reactor: level }, research: { energy } }));
    assert.equal(fusion(1, 0).energyProduced, 32); // 31.5 rounds up
    assert.equal(fusion(5, 3).energyProduced, 220); // 150 × 1.08^5 = 220.4
    assert.equal(fusion(5, 3).deuterium, -81); // burns ⌈80.53⌉ with no synthesizer
    const mixed = ogame.production(
      ogamePlanet({
        temperature: 20,
        buildings: { fusion_reactor: 10, deuterium_synthesizer: 10 },
        ships: { solar_satellite: 10 },
        research: { energy: 10, plasma: 5 },
      }),
    );
    // 1214 (fusion) + 10 × 26 (satellites at 20 °C); deuterium 358 made − 260 burnt.
    assert.equal(mixed.energyProduced, 1474);
    assert.equal(mixed.deuterium, 98);
  });

  it('crawlers add 0.02 % each, at most 8 per mine level, for 50 energy each', () => {
    const buildings = {
      metal_mine: 10,
      crystal_mine: 10,
      deuterium_synthesizer: 10,
      solar_plant: 30,
    };
    const ships = { crawler: 300, solar_satellite: 100 };
    const rates = ogame.production(ogamePlanet({ buildings, ships }));
    // 30 mine levels allow 240 crawlers: +4.8 % and 12 000 energy.
    assert.equal(rates.energyConsumed, 1039 + 240 * 50);
    assert.equal(rates.factor, 1);
    assert.equal(rates.metal, 815 + 30); // 778.12 × 1.048
  });
});
