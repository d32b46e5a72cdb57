import {
  Type,
  type Static,
  type TObject,
  type TProperties,
  type TSchema,
  type TSchemaOptions,
  type TUnsafe,
} from 'typebox';

/**
 * The building blocks of the API contract. Every named schema is registered once here; routes
 * and other schemas refer to it by `$ref`, so the OpenAPI document lists it once under
 * `components.schemas` and generated clients get one type per name.
 */
const registry = new Map<string, TSchema>();

/** Every named schema (with its `$id`), for `app.addSchema` and the response checker. */
export function namedSchemas(): TSchema[] {
  return [...registry.values()];
}

/**
 * Registers `schema` under `id` and returns a reference to it that carries the schema's static
 * type, so handlers are type-checked against what the document says.
 */
export function Named<T extends TSchema>(id: string, schema: T): TUnsafe<Static<T>> {
  if (registry.has(id)) throw new Error(`Schema ${id} is declared twice`);
  registry.set(id, { ...schema, $id: id } as TSchema);
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/**
 * A closed object: the document and the response check reject a field it does not list (a body
 * that grew a field without the contract saying so fails the tests, not a client).
 */
export const Obj = <P extends TProperties>(properties: P, options: TSchemaOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options }) as TObject<P>;

/** A string that is one of `values` (`type: string` plus `enum`, which generators read best). */
export const StringEnum = <const V extends readonly string[]>(
  values: V,
  options: TSchemaOptions = {},
): TUnsafe<V[number]> => Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });

/** An object used as a map from names (unit types, resources) to values of one schema. */
export const MapOf = <T extends TSchema>(
  value: T,
  options: TSchemaOptions = {},
): TUnsafe<Record<string, Static<T>>> =>
  Type.Unsafe<Record<string, Static<T>>>({
    type: 'object',
    additionalProperties: value,
    ...options,
  });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An ISO 8601 instant in UTC, as every time in the API is written. */
export const DateTime = (options: TSchemaOptions = {}) =>
  Type.String({ format: 'date-time', ...options });

/** A database id: a positive safe integer. */
export const Id = (options: TSchemaOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...options });

/** The vendor keyword that marks a body its handler checks itself (see validation.ts). */
export const CHECKED_BY_HANDLER = 'x-checked-by-handler';

/**
 * A request body described exactly in the document but checked by its handler, which answers
 * every violation with 400 and a code (the reference server's texts) rather than 422. The
 * handler must treat the body as unknown input.
 */
export function CheckedByHandler<T extends TSchema>(schema: T): T {
  const { description } = schema as { description?: unknown };
  const note = 'Invalid fields are answered 400 with a `code` (not 422).';
  return {
    ...schema,
    [CHECKED_BY_HANDLER]: true,
    description: typeof description === 'string' ? `${description} ${note}` : note,
  } as T;
}
