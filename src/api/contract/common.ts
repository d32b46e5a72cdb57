import { Type } from 'typebox';
import { ERROR_CODES } from '../../sim/errors.js';
import { MapOf, Named, Obj, StringEnum } from './kit.js';

/** Metal, crystal and deuterium (whole units, floored, wherever the API shows a stock). */
export const Resources = Named(
  'Resources',
  Obj(
    { metal: Type.Number(), crystal: Type.Number(), deuterium: Type.Number() },
    { description: 'An amount of each stockpiled resource.' },
  ),
);

/** A place in the universe, as fleets and the galaxy view name it. */
export const Coordinates = Named(
  'Coordinates',
  Obj({ galaxy: Type.Integer(), system: Type.Integer(), position: Type.Integer() }),
);

/** The Python server's spelling of a planet's place (`planet` for the position). */
export const Position = Named(
  'Position',
  Obj(
    { galaxy: Type.Integer(), system: Type.Integer(), planet: Type.Integer() },
    { description: "Coordinates in the reference server's shape: `planet` is the position." },
  ),
);

/** Levels (buildings, research) or counts (ships, defenses) by unit type. */
export const Levels = Named(
  'Levels',
  MapOf(Type.Integer({ minimum: 0 }), {
    description: 'Level or count by unit type; every type of the active ruleset is listed.',
  }),
);

const MissingRequirement = Obj({
  type: Type.String(),
  level: Type.Integer(),
  current: Type.Integer(),
});

/**
 * The body of every rejected request but schema failures (422): a human-readable `detail` (the
 * reference server's texts are kept), a stable `code` for programs, and the facts behind some
 * rejections.
 */
export const ErrorBody = Named(
  'Error',
  Obj(
    {
      detail: Type.String({ description: 'What went wrong, for people.' }),
      code: StringEnum(ERROR_CODES, { description: 'What went wrong, for programs (stable).' }),
      valid: Type.Optional(
        Type.Array(Type.String(), { description: 'The accepted values (unknown_type).' }),
      ),
      missing_requirements: Type.Optional(
        Type.Array(MissingRequirement, {
          description: 'Unmet prerequisites (requirements_not_met).',
        }),
      ),
      shortfall: Type.Optional(
        MapOf(Type.Number(), { description: 'Resources missing (insufficient_resources).' }),
      ),
      cost: Type.Optional(Resources),
      fuel: Type.Optional(Type.Number({ description: 'Deuterium the flight burns.' })),
      energy_required: Type.Optional(Type.Number()),
      energy_produced: Type.Optional(Type.Number()),
      capacity: Type.Optional(Type.Number({ description: 'Cargo capacity of the fleet.' })),
      cargo: Type.Optional(Type.Number({ description: 'Cargo requested.' })),
      ship_type: Type.Optional(Type.String()),
      available: Type.Optional(Type.Integer()),
      requested: Type.Optional(Type.Integer()),
      cap: Type.Optional(Type.Integer({ description: 'The fleet size cap (fleet_size_cap).' })),
      current: Type.Optional(
        Type.Integer({ description: 'Ships stationed or queued (fleet_size_cap).' }),
      ),
      allowed_ship_types: Type.Optional(
        Type.Array(Type.String(), {
          description: 'Ship types that may spy (espionage_ships_only).',
        }),
      ),
      not_allowed: Type.Optional(
        Type.Array(Type.String(), {
          description: 'Ship types sent that may not spy (espionage_ships_only).',
        }),
      ),
      retry_after: Type.Optional(
        Type.Integer({ description: 'Seconds to wait (also the retry-after header).' }),
      ),
    },
    { description: 'A rejected request.' },
  ),
);

/** One schema failure, in FastAPI's shape (`loc` starts with body, query, path or header). */
const ValidationIssue = Obj({
  loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
  msg: Type.String(),
  type: Type.String(),
});

/** 422: the request does not match its schema; FastAPI's shape, as the Python clients expect. */
export const ValidationErrorBody = Named(
  'ValidationError',
  Obj(
    {
      detail: Type.Array(ValidationIssue, { minItems: 1 }),
      code: StringEnum(['validation_failed', 'idempotency_key_reused'], {
        description:
          '`idempotency_key_reused`: the Idempotency-Key was sent before with another request.',
      }),
    },
    {
      description:
        "The request does not match its schema (FastAPI's 422 shape), or reuses an Idempotency-Key.",
    },
  ),
);
