// fast-check arbitraries of hostile request parts: values, query strings, path segments and
// whole bodies (malformed JSON, wrong content types, prototype pollution, deep nesting).

import fc from 'fast-check';
import type { JsonSchema, Route } from './routes.js';

/** Numbers that break naive arithmetic, parsing or storage. */
export const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  2 ** 64,
  -(2 ** 64),
  2 ** 53,
  2 ** 53 + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MIN_VALUE,
  Number.EPSILON,
  -1,
  -0,
  0,
  0.5,
  -0.5,
  1.5,
  0.1 + 0.2,
  1e-7,
  1e15,
  1e15 + 1,
  1e21,
];

/** Strings aimed at parsers, file paths, SQL, templates, prototypes and text handling. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e400',
  '-1',
  '0x1F',
  '0b11',
  '1_000',
  ' 7 ',
  '2e0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.png',
  'file:///etc/passwd',
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "metal_mine'; DELETE FROM planets; --",
  '" OR ""="',
  "admin'--",
  '1 UNION SELECT password_hash FROM users',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u200B',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '😀'.repeat(40),
  '👨‍👩‍👧‍👦',
  'مرحبا',
  'Z̤̪̈́a̘͛l̞̓g̲̎o̘͊',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '\r\nX-Injected: 1',
  'x'.repeat(101),
  'x'.repeat(5000),
  'metal_mine',
  'light_fighter',
  'cruiser',
  'colony_ship',
  'metal',
  'crystal',
  'deuterium',
  'attack',
  'transfer',
  'espionage',
  'colonize',
  'deploy',
  'recycle',
  'energy_technology',
  'open',
  'all',
  'total',
];

/** Keys aimed at prototype pollution and at the game's own field names. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  '',
  ' ',
  '\u0000',
  'x'.repeat(300),
  'metal',
  'crystal',
  'deuterium',
  'light_fighter',
  'cruiser',
  'heavy_fighter',
  'colony_ship',
  'metal_mine',
  'id',
  'user_id',
  'owner_id',
  'is_admin',
  'password',
];

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 20 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false) },
);

const key = fc.oneof(
  fc.constantFrom(...HOSTILE_KEYS),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** A JSON value: mostly hostile scalars, sometimes arrays or objects of them. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: hostileScalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

/** JSON text nested `depth` levels deep (arrays or objects). */
export function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Raw bodies that are not (well-typed) JSON objects, each with the content type it is sent as. */
export const RAW_BODIES: Array<{ payload: string; contentType: string | undefined }> = [
  ...[
    '',
    ' ',
    '{',
    '}',
    '{"a":',
    '{"a" 1}',
    "{'a': 1}",
    '{"a":1,}',
    '{a:1}',
    '[1,2',
    '"unterminated',
    'NaN',
    'Infinity',
    '{"x": NaN}',
    '{"x": Infinity}',
    '{"x": -Infinity}',
    '{"x": 1e400}',
    '{"x": 0x10}',
    'null',
    'true',
    '0',
    '-1',
    '1e308',
    '"a string"',
    '[]',
    '[{}]',
    '[[]]',
    '{}',
    '\uFEFF{}',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"a": {"__proto__": {"polluted": true}}}',
    '{"a": 1, "a": 2}',
    '{"\u0000": 1}',
    nested(3000, 'array'),
    nested(3000, 'object'),
    `{"ships": ${nested(2000, 'object')}}`,
    `{"attacker": ${nested(2000, 'array')}}`,
    JSON.stringify({ s: 'x'.repeat(60_000) }),
  ].map((payload) => ({ payload, contentType: 'application/json' })),
  { payload: '{}', contentType: 'text/plain' },
  { payload: '{"a":1}', contentType: 'application/xml' },
  { payload: '<a>1</a>', contentType: 'application/xml' },
  { payload: '{}', contentType: 'application/json; charset=utf-16' },
  { payload: '{}', contentType: 'application/jsonx' },
  { payload: '{}', contentType: 'multipart/form-data; boundary=x' },
  {
    payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
  },
  { payload: '{}', contentType: '' },
  { payload: '{}', contentType: ';;;' },
  { payload: '{}', contentType: 'application/json, text/plain' },
  { payload: '{}', contentType: undefined },
  {
    payload: 'a=1&a=2&__proto__=x&constructor[prototype]=y',
    contentType: 'application/x-www-form-urlencoded',
  },
  { payload: '%%%', contentType: 'application/x-www-form-urlencoded' },
  { payload: '', contentType: 'application/x-www-form-urlencoded' },
];

/** A body for `route`: an object built from its schema with hostile values, or a raw one. */
export function bodyArb(
  route: Route,
): fc.Arbitrary<{ payload: string; contentType: string | undefined }> {
  const props = Object.keys(route.body?.properties ?? {});
  const fields = fc.record(
    Object.fromEntries(props.map((p) => [p, hostileValue])) as Record<
      string,
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(key, hostileValue, { maxKeys: 2 });
  const object = fc.tuple(fields, extra).map(([a, b]) => ({
    payload: JSON.stringify({ ...b, ...a }),
    contentType: 'application/json',
  }));
  const form = fields.map((a) => ({
    payload: new URLSearchParams(
      Object.entries(a).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
      ]),
    ).toString(),
    contentType: 'application/x-www-form-urlencoded',
  }));
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: form },
    { weight: 3, arbitrary: fc.constantFrom(...RAW_BODIES) },
  );
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the percent-encoded
 * bytes of its WTF-8 form: invalid UTF-8 that the server must reject cleanly.
 */
export function encode(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/u)
    .map((part) => {
      if (part.length !== 1 || !/[\uD800-\uDFFF]/u.test(part)) return encodeURIComponent(part);
      const code = part.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

/** A raw query string: hostile values for the declared parameters, unknown and repeated ones. */
export function queryArb(route: Route): fc.Arbitrary<string> {
  const names = route.query.map((q) => q.name);
  const part = fc.tuple(
    fc.oneof(
      { weight: 3, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant('x') },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS, 'a[b]', 'a.b', 'limit[]') },
    ),
    fc.oneof(
      hostileScalar.map((v) => String(v)),
      fc.constant(''),
    ),
  );
  return fc
    .array(part, { maxLength: 4 })
    .map((parts) => parts.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));
}

/** Path segments that are not what the route expects; some are not even valid URL encoding. */
export const RAW_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%00',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%uD800',
  '..',
  '.',
  '%20',
  '1%0d%0aX-Injected:%201',
  '1;DROP%20TABLE%20users',
  '1e308',
  '-1',
  '0',
  '1.5',
  '0x10',
  'NaN',
  'Infinity',
  '18446744073709551616',
  '9007199254740993',
  '99999999999999999999999999999999',
  '__proto__',
  'constructor',
  'x'.repeat(150),
  encodeURIComponent('😀‮'),
];

/** A value for one path parameter: mostly the good one, otherwise a hostile segment. */
export function segmentArb(good: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(good) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    {
      weight: 1,
      arbitrary: hostileScalar.map((v) => encode(String(v))),
    },
  );
}

export type { JsonSchema };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names every plain object inherits (or that name prototypes): never a game identifier. */
export const PROTOTYPE_KEYS = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
];

export interface MutatedBody {
  payload: string;
  contentType: string;
  /** Why the server must refuse this body (a prototype name used as a unit or resource). */
  mustReject?: string;
}

/** Every path to an object inside `value` (the root is []). */
function objectPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  const out = [prefix];
  for (const [k, v] of Object.entries(value))
    if (isPlainObject(v)) out.push(...objectPaths(v, [...prefix, k]));
  return out;
}

function at(root: Record<string, unknown>, path: string[]): Record<string, unknown> | null {
  let node: unknown = root;
  for (const k of path) node = isPlainObject(node) ? node[k] : undefined;
  return isPlainObject(node) ? node : null;
}

const setOwn = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Bodies one or two mutations away from a valid example: a field at any depth replaced by a
 * hostile value or deleted, or a hostile key added. These get past the first checks and reach
 * the game rules, where sloppy arithmetic or lookups would show. `isMap` tells which objects of
 * the example map game identifiers (units, resources) to numbers: a prototype name added to one
 * of those with a valid count must be refused, not taken for a unit or a resource.
 */
export function mutatedBodyArb(
  example: Record<string, unknown>,
  isMap: (o: Record<string, unknown>) => boolean,
): fc.Arbitrary<MutatedBody> {
  const paths = objectPaths(example);
  const maps = paths.filter((p) => isMap(at(example, p) ?? {}));
  const mutation = fc.record({
    path: fc.constantFrom(...paths),
    pick: fc.nat(),
    newKey: fc.constantFrom(...HOSTILE_KEYS),
    value: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
      { weight: 2, arbitrary: hostileValue },
    ),
    op: fc.constantFrom('replace', 'replace', 'add', 'remove'),
  });
  const edits = fc.array(mutation, { minLength: 1, maxLength: 2 }).map((mutations) => {
    const body = structuredClone(example);
    for (const m of mutations) {
      const node = at(body, m.path);
      if (!node) continue;
      const keys = Object.keys(node);
      const key =
        m.op === 'add' || keys.length === 0 ? m.newKey : (keys[m.pick % keys.length] as string);
      if (m.op === 'remove') delete node[key];
      else setOwn(node, key, m.value);
    }
    return { payload: JSON.stringify(body), contentType: 'application/json' } as MutatedBody;
  });
  if (maps.length === 0) return edits;
  const prototypeKey = fc
    .record({ path: fc.constantFrom(...maps), key: fc.constantFrom(...PROTOTYPE_KEYS) })
    .map(({ path, key }) => {
      const body = structuredClone(example);
      setOwn(at(body, path) as Record<string, unknown>, key, 1);
      return {
        payload: JSON.stringify(body),
        contentType: 'application/json',
        mustReject: `"${key}" in ${path.join('.')} is no game identifier`,
      } as MutatedBody;
    });
  return fc.oneof({ weight: 4, arbitrary: edits }, { weight: 1, arbitrary: prototypeKey });
}

/** Query values every numeric or string parameter is tried with, on top of the random ones. */
export const EDGE_QUERY_VALUES = [
  'Infinity',
  '-Infinity',
  '1e400',
  '1e308',
  'NaN',
  '-1',
  '0',
  '1.5',
  '18446744073709551616',
  '9007199254740993',
  '',
  '\u0000',
  '\uD800',
  "' OR 1=1 --",
  'x'.repeat(2000),
];

/** Numbers every field of a valid example body is tried with, whatever the seed. */
export const EDGE_NUMBERS = [1e308, -1, 0, 0.5, Number.MIN_VALUE, 1e-9, 2 ** 53 + 2, 1e21];

/** The example with one leaf field replaced by each of `values`, for every leaf. */
export function leafEdits(example: Record<string, unknown>, values: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (isPlainObject(value)) {
        walk(value, [...path, key]);
        continue;
      }
      for (const edge of values) {
        const body = structuredClone(example);
        setOwn(at(body, path) as Record<string, unknown>, key, edge);
        out.push(JSON.stringify(body));
      }
    }
  };
  walk(example, []);
  return out;
}
