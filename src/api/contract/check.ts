import type { ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contractAjv } from '../validation.js';

type ResponseSchemas = Record<string, unknown>;

const checked = Symbol('contract-checked');

/** A JSON response schema of a status, with Fastify's `content` form unwrapped. */
function jsonSchemaOf(entry: unknown): object | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const content = (entry as { content?: Record<string, { schema?: object }> }).content;
  if (content) return content['application/json']?.schema ?? null;
  return entry;
}

/**
 * Checks every JSON answer against the schema its route declares for its status (tests build
 * their servers with it). A body with a field the contract does not describe, a field of the
 * wrong type, or a status the route does not document is recorded as a violation, and the test
 * helper fails the test. Objects are checked before serialization (so a field the serializer
 * would silently drop is still caught), pre-serialized text after it.
 */
export class ResponseChecker {
  readonly violations: string[] = [];
  private readonly ajv = contractAjv({ allErrors: true, coerceTypes: false });
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly errorSchema = { $ref: 'Error' };

  install(app: FastifyInstance): void {
    app.addHook('preSerialization', (request, reply, payload, done) => {
      this.check(request, reply, payload);
      (request as unknown as Record<symbol, boolean>)[checked] = true;
      done(null, payload);
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      const isJson = String(reply.getHeader('content-type') ?? '').includes('json');
      if (!(request as unknown as Record<symbol, boolean>)[checked] && isJson) {
        if (typeof payload === 'string') this.check(request, reply, JSON.parse(payload));
      }
      done(null, payload);
    });
  }

  private schemaFor(request: FastifyRequest, status: number): object | null | 'undocumented' {
    const route = request.routeOptions;
    if (route.url === undefined) return this.errorSchema; // no route matched: the 404 handler
    const schema = route.schema as { hide?: boolean; response?: ResponseSchemas } | undefined;
    if (schema?.hide) return null;
    const responses = schema?.response;
    if (!responses) return 'undocumented';
    const entry =
      responses[String(status)] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
    if (entry === undefined) return 'undocumented';
    return jsonSchemaOf(entry);
  }

  private check(request: FastifyRequest, reply: FastifyReply, body: unknown): void {
    const status = reply.statusCode;
    const where = `${request.method} ${request.routeOptions.url ?? request.url} ${status}`;
    const schema = this.schemaFor(request, status);
    if (schema === null) return;
    if (schema === 'undocumented') {
      this.violations.push(
        `${where}: status not documented (body ${JSON.stringify(body).slice(0, 300)})`,
      );
      return;
    }
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    if (!validate(body)) {
      const problems = (validate.errors ?? [])
        .map(
          (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
        )
        .join('; ');
      this.violations.push(`${where}: ${problems} (body ${JSON.stringify(body).slice(0, 500)})`);
    }
  }
}
