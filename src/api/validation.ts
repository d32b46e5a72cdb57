import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { CHECKED_BY_HANDLER, namedSchemas } from './contract/kit.js';

// ajv-formats is CommonJS with a default export; under NodeNext it arrives wrapped once more.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/**
 * Ajv with every named schema of the contract, so `$ref`s between request schemas resolve.
 * Vendor keywords of the document (`x-...`) and TypeBox's own markers are not validation
 * keywords: strict mode would refuse them.
 */
export function contractAjv(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, ...options });
  addFormats(ajv);
  for (const schema of namedSchemas()) ajv.addSchema(schema);
  return ajv;
}

/**
 * JSON bodies are typed exactly: `"5"` is not a number and `["x"]` is not a string (Ajv's
 * `coerceTypes: 'array'` let a login with `"username": ["x"]` through). Fields the schema does
 * not name are dropped, as the Python server's pydantic models ignore them.
 */
const BODY_OPTIONS: Options = {
  coerceTypes: false,
  removeAdditional: true,
  useDefaults: true,
  allErrors: false,
};

/** Paths and query strings are text: numbers and booleans are read from it (never arrays). */
const TEXT_OPTIONS: Options = { ...BODY_OPTIONS, coerceTypes: true };

const ANY_OBJECT = { type: 'object' } as const;

/**
 * The validator compiler of every route: bodies strict, paths and query strings parsed. A body
 * marked `CheckedByHandler` (the routes that keep the Python server's 400 texts, such as
 * "building_type is required") is only required to be a JSON object here; its handler checks
 * the rest and answers each violation 400 with a code.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const body = contractAjv(BODY_OPTIONS);
  const text = contractAjv(TEXT_OPTIONS);
  return ({ schema, httpPart }) => {
    if (httpPart !== 'body') return text.compile(schema as object) as ValidateFunction;
    const checkedByHandler = (schema as Record<string, unknown>)[CHECKED_BY_HANDLER] === true;
    return body.compile(checkedByHandler ? ANY_OBJECT : (schema as object)) as ValidateFunction;
  };
}
