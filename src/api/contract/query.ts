// Query parameters with defaults. A parameter a client may leave out must not be `required` in
// the document (generated clients would demand it), yet the handler always sees a value:
// Ajv's `useDefaults` fills the default in before the handler runs (validation.ts).
import { Type, type TSchema } from 'typebox';

/** Highest `offset` of any listing: far past any real history, well inside exact integers. */
export const MAX_OFFSET = 1_000_000_000;

/**
 * A query parameter with a `default`: optional in the document, typed as always present,
 * because the validator has filled in the default by the time a handler reads it.
 */
export function Defaulted<T extends TSchema>(schema: T): T {
  if (!('default' in schema)) throw new Error('Defaulted needs a schema with a default');
  return Type.Optional(schema) as unknown as T;
}

/** `limit` and `offset` of a listing (spread into the route's query object). */
export const pageFields = (maxLimit: number, defaultLimit: number) => ({
  limit: Defaulted(
    Type.Integer({
      minimum: 1,
      maximum: maxLimit,
      default: defaultLimit,
      description: 'Most items to return.',
    }),
  ),
  offset: Defaulted(
    Type.Integer({
      minimum: 0,
      maximum: MAX_OFFSET,
      default: 0,
      description: 'Items to skip (newest first).',
    }),
  ),
});
