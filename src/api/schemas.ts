import { Type } from '@fastify/type-provider-typebox';

/** The error body of every rejected request. */
export const Detail = Type.Object({ detail: Type.String() }, { additionalProperties: true });

export const UserIdParams = Type.Object({
  user_id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
});

export const Pagination = (maxLimit: number, defaultLimit: number) =>
  Type.Object({
    limit: Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
  });

/** Documented error responses of protected routes; 200 bodies are described in each route. */
export const StandardResponses = {
  200: Type.Unknown({ description: 'Success' }),
  400: Detail,
  401: Detail,
  403: Detail,
  404: Detail,
  409: Detail,
  422: Detail,
  429: Detail,
  503: Detail,
};
