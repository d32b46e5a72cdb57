import type { FastifyInstance } from 'fastify';
import { badRequest } from '../sim/errors.js';

/**
 * How deeply a JSON body may nest. The game's bodies nest three levels at most; a body of
 * 10 000 nested arrays used to reach recursive code (validation, hashing) and end as a 500.
 */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in JSON text (strings are skipped), in one pass. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Fastify's own JSON parser behind a nesting limit: too deep is a 400 before any parsing. */
export function limitJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        badRequest(
          'malformed_request',
          `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`,
        ),
        undefined,
      );
      return;
    }
    parse(request, body as string, done);
  });
}
