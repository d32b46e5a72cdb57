// The seed's planet multipliers: temperature (deuterium only) and size (all production and
// storage). Each table is a list of upper bounds; the first bound not below the value wins.

interface Step {
  /** Inclusive upper bound of the band. */
  upTo: number;
  multiplier: number;
}

/** Cold planets make more deuterium (temperature_multiplier of the Python server). */
export const TEMPERATURE_STEPS: readonly Step[] = [
  { upTo: -40, multiplier: 1.2 },
  { upTo: 0, multiplier: 1.1 },
  { upTo: 25, multiplier: 1.0 },
  { upTo: 50, multiplier: 0.9 },
];
/** Multiplier for temperatures above the last band. */
export const TEMPERATURE_HOT_MULTIPLIER = 0.8;

/** Large planets produce and store more (size_multiplier of the Python server). */
export const SIZE_STEPS: readonly Step[] = [
  { upTo: 150, multiplier: 0.9 },
  { upTo: 175, multiplier: 1.0 },
];
/** Multiplier for sizes above the last band. */
export const SIZE_LARGE_MULTIPLIER = 1.1;

function stepMultiplier(steps: readonly Step[], above: number, value: number): number {
  return steps.find((step) => value <= step.upTo)?.multiplier ?? above;
}

/** Deuterium multiplier of a planet at `temperature` °C. */
export function temperatureMultiplier(temperature: number): number {
  return stepMultiplier(TEMPERATURE_STEPS, TEMPERATURE_HOT_MULTIPLIER, temperature);
}

/** Production and storage multiplier of a planet of `size`. */
export function sizeMultiplier(size: number): number {
  return stepMultiplier(SIZE_STEPS, SIZE_LARGE_MULTIPLIER, size);
}
