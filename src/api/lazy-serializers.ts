import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type RouteSerializerCompiler = ReturnType<SerializerFactory>;

/**
 * Fastify's serializer factory (fast-json-stringify), compiling each route's serializer on its
 * first use instead of at start-up. Every route documents a success body and each error status
 * it can answer, about 400 serializers in all, and compiling them up front took 3 of the
 * server's 6 s to listen (most are never used by a given process: a test server, a restart
 * after a crash). The first answer of each kind pays its compile once, a few milliseconds.
 */
export function lazySerializers(): NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
> {
  const eager = SerializerSelector();
  const buildSerializer = (...args: Parameters<SerializerFactory>): RouteSerializerCompiler => {
    const compile = eager(...args);
    return (route) => {
      let serialize: ((data: unknown) => string) | null = null;
      return (data: unknown) => (serialize ??= compile(route) as (data: unknown) => string)(data);
    };
  };
  return { buildSerializer };
}
