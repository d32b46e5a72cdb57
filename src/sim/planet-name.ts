import { badRequest } from './errors.js';

/** Shortest and longest planet name, in characters after trimming (the real game's rule). */
export const PLANET_NAME_MIN = 2;
export const PLANET_NAME_MAX = 20;

/** A character that may start or end a name: a letter (of any script), a digit, - _ or . */
const EDGE = '[\\p{L}\\p{Nd}._-]';
/** Inside a name spaces are allowed too. */
const INNER = '[\\p{L}\\p{Nd} ._-]';

/**
 * The rule as a regular expression (Unicode mode), also published in the API contract: what
 * is left after trimming surrounding whitespace is 2 to 20 letters, digits, spaces, "-", "_" or
 * ".". Nothing in it means anything in HTML, so a name is stored and shown exactly as given.
 */
export const PLANET_NAME_PATTERN = `^\\s*${EDGE}${INNER}{${PLANET_NAME_MIN - 2},${PLANET_NAME_MAX - 2}}${EDGE}\\s*$`;

const NAME = new RegExp(PLANET_NAME_PATTERN, 'u');

export const PLANET_NAME_RULE = `${PLANET_NAME_MIN} to ${PLANET_NAME_MAX} characters: letters, digits, spaces, "-", "_" or "."`;

/**
 * The one rule for every planet name that comes in (choose-start, rename, colonization, the
 * operator API): the trimmed text when it follows the rule, else 400 `invalid_planet_name`.
 * `raw` is unchecked input, so a number or an object is refused the same way.
 */
export function parsePlanetName(raw: unknown): string {
  if (typeof raw !== 'string') throw invalidName('name must be a string');
  if (!NAME.test(raw)) throw invalidName(`Invalid planet name: ${PLANET_NAME_RULE}`);
  return raw.trim();
}

const invalidName = (detail: string) => badRequest('invalid_planet_name', detail);
