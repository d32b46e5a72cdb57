// Reading bodies marked `CheckedByHandler` (contract/kit.ts): only "a JSON object" was enforced
// before the handler, so every field is unknown input, checked here with the reference server's
// 400 texts and a code.
import { badRequest } from '../sim/errors.js';

/** A checked-by-handler body as it really arrives: any field may hold anything, or be absent. */
export type Unchecked<T> = { readonly [K in keyof T]?: unknown };

/** The body of a `CheckedByHandler` route, typed as what it is: unchecked input. */
export const unchecked = <T>(body: T): Unchecked<T> => body as Unchecked<T>;

const isPositiveSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * A required type name (`building_type`, `research_type`): absent or blank is 400
 * "<field> is required" (the reference server's text), anything but a string 400
 * `invalid_field`. Whether the name is known is the simulation's check (`unknown_type`).
 */
export function requiredTypeName(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '')
    throw badRequest('missing_field', `${field} is required`);
  if (typeof value !== 'string') throw badRequest('invalid_field', `${field} must be a string`);
  const name = value.trim();
  if (name === '') throw badRequest('missing_field', `${field} is required`);
  return name;
}

/** An optional `planet_id`: absent or null means the active planet; else a positive integer. */
export function optionalPlanetId(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPositiveSafeInteger(value))
    throw badRequest('invalid_field', 'planet_id must be a positive integer');
  return value;
}
