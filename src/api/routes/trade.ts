import { Type } from '@fastify/type-provider-typebox';
import { acceptOffer, cancelOffer, createOffer } from '../../sim/commands/trade.js';
import { badRequest } from '../../sim/errors.js';
import { offerFromRow } from '../../sim/market/rows.js';
import { OFFER_STATUSES, type OfferStatus } from '../../sim/market/types.js';
import { parseOfferTerms } from '../../sim/market/validate.js';
import { offerView, tradeEventView } from '../../sim/views/trade.js';
import { offerPage, tradeEventPage } from '../../store/histories.js';
import { Pagination, StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['trade'];
const security = [{ bearerAuth: [] }];
const OfferIdParams = Type.Object({ offer_id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
/** Status filters of GET /trade/offers besides the statuses themselves. */
const ALL_STATUSES = ['all', '*'];

function statusFilter(raw: string): OfferStatus | null {
  const value = raw.trim().toLowerCase();
  if (ALL_STATUSES.includes(value)) return null;
  const status = OFFER_STATUSES.find((s) => s === value);
  if (!status)
    throw badRequest(
      `Invalid status: "${raw}". Valid values: ${[...OFFER_STATUSES, ...ALL_STATUSES].join(', ')}`,
    );
  return status;
}

/** The marketplace: offers with escrow, acceptance with a burned fee, cancellation, history. */
export const tradeRoutes: RouteModule =
  ({ runtime, store }, guards) =>
  async (app) => {
    app.post(
      '/trade/offers',
      {
        preHandler: guards.authenticate,
        schema: {
          tags,
          security,
          summary:
            'Offer resources for others (the offered amount is escrowed from the active planet)',
          body: Type.Object({
            offered_resource: Type.Optional(Type.Unknown()),
            offered_amount: Type.Optional(Type.Unknown()),
            requested_resource: Type.Optional(Type.Unknown()),
            requested_amount: Type.Optional(Type.Unknown()),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const terms = parseOfferTerms(request.body);
        const offer = await runtime.execute(createOffer, { userId: request.auth!.user.id, terms });
        return runtime.read((ctx) => offerView(ctx.world, offer));
      },
    );

    app.get(
      '/trade/offers',
      {
        schema: {
          tags,
          summary: 'Offers, newest first: open ones by default; status=all (or *) for every status',
          querystring: Type.Object({
            status: Type.String({ maxLength: 20, default: 'open' }),
            ...Pagination(1000, 50).properties,
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const { limit, offset } = request.query;
        const status = statusFilter(request.query.status);
        if (status === 'open') {
          return runtime.read((ctx) => ({
            offers: ctx.world.market.page(limit, offset).map((o) => offerView(ctx.world, o)),
          }));
        }
        // Closed offers live only in the store; what this server applied so far is written first.
        await runtime.flush();
        const rows = await store.read((db) => offerPage(db, status, { limit, offset }));
        return runtime.read((ctx) => ({
          offers: rows.map((r) => offerView(ctx.world, offerFromRow(r))),
        }));
      },
    );

    app.post(
      '/trade/accept/:offer_id',
      {
        preHandler: guards.authenticate,
        schema: {
          tags,
          security,
          summary:
            'Accept an open offer: pay its price from the active planet, receive its goods there',
          params: OfferIdParams,
          response: StandardResponses,
        },
      },
      async (request) => {
        const result = await runtime.execute(acceptOffer, {
          userId: request.auth!.user.id,
          offerId: request.params.offer_id,
        });
        return runtime.read((ctx) => ({
          accepted: true,
          offer_id: result.offer.id,
          fee: result.fee,
          seller_received: result.sellerReceived,
          offer: offerView(ctx.world, result.offer),
        }));
      },
    );

    app.delete(
      '/trade/offers/:offer_id',
      {
        preHandler: guards.authenticate,
        schema: {
          tags,
          security,
          summary: "Cancel one's own open offer (the escrow is refunded)",
          params: OfferIdParams,
          response: StandardResponses,
        },
      },
      async (request) => {
        const offer = await runtime.execute(cancelOffer, {
          userId: request.auth!.user.id,
          offerId: request.params.offer_id,
        });
        return runtime.read((ctx) => ({
          cancelled: true,
          offer_id: offer.id,
          refunded: { resource: offer.offeredResource, amount: offer.offeredAmount },
          offer: offerView(ctx.world, offer),
        }));
      },
    );

    app.get(
      '/player/:user_id/trade/history',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: "The player's trade events (as seller or buyer), newest first",
          params: UserIdParams,
          querystring: Pagination(200, 50),
          response: StandardResponses,
        },
      },
      async (request) => {
        await runtime.flush();
        const rows = await store.read((db) =>
          tradeEventPage(db, request.params.user_id, request.query),
        );
        return { events: rows.map(tradeEventView) };
      },
    );
  };
