import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { acceptOffer, cancelOffer, createOffer } from '../../sim/commands/trade.js';
import type { PlainRow } from '../../sim/changes.js';
import { offerFromRow } from '../../sim/market/rows.js';
import type { OfferStatus, TradeOffer } from '../../sim/market/types.js';
import { parseOfferTerms } from '../../sim/market/validate.js';
import { offerView, tradeEventView } from '../../sim/views/trade.js';
import type { World } from '../../sim/world.js';
import { offerPage, tradeEventPage } from '../../store/histories.js';
import type { Row } from '../../store/tables.js';
import { optionalPlanetId, unchecked } from '../checked-input.js';
import { CheckedByHandler } from '../contract/kit.js';
import {
  AcceptOfferQuery,
  ALL_STATUSES,
  CreateOfferRequest,
  Offer,
  OfferAccepted,
  OfferCancelled,
  OfferList,
  OfferListQuery,
  OfferParams,
  TradeEvent,
  TradeHistory,
  TradeHistoryQuery,
} from '../contract/market.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['trade'];
const security = [{ bearerAuth: [] }];

// The views type times as nullable and names as plain strings (their helpers are shared); an
// offer always has `created_at`, an event its `timestamp`, and the response checker holds every
// answer to the contract in tests.
const offerOf = (world: World, o: TradeOffer) => offerView(world, o) as Static<typeof Offer>;
const eventOf = (row: PlainRow) => tradeEventView(row) as Static<typeof TradeEvent>;

/** Anonymous reads of the closed offers share one store read of a page for this long. */
const SHARED_PAGE_MS = 1000;
const SHARED_PAGES_MAX = 64;

/** The status filter of GET /trade/offers: null for every status (`all`, `*`). */
const statusFilter = (status: Static<typeof OfferListQuery>['status']): OfferStatus | null =>
  (ALL_STATUSES as readonly string[]).includes(status) ? null : (status as OfferStatus);

/** The marketplace: offers with escrow, acceptance with a burned fee, cancellation, history. */
export const tradeRoutes: RouteModule =
  ({ runtime, ledger, store, config }, guards) =>
  async (app) => {
    app.post(
      '/trade/offers',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'createOffer',
          summary:
            'Offer resources for others (the offered amount is escrowed from the active or named planet)',
          body: CheckedByHandler(CreateOfferRequest),
          response: replies(Offer, { access: 'token', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const body = unchecked(request.body);
        const terms = parseOfferTerms(body);
        const planetId = optionalPlanetId(body.planet_id);
        return runCommand(
          ledger,
          request,
          reply,
          createOffer,
          {
            userId: request.auth!.user.id,
            planetId,
            terms,
          },
          (offer, ctx) => offerOf(ctx.world, offer),
        );
      },
    );

    // The closed offers are a store read, open to anyone: anonymous readers share one read of
    // a page per second and are limited per address (100 such reads a second used to slow
    // every player's reads 25x). A player with a token reads fresh, seeing their own trades.
    const sharedPages = new Map<string, { at: number; rows: Promise<Row[]> }>();
    const sharedPage = (status: OfferStatus | null, limit: number, offset: number) => {
      const key = `${status}:${limit}:${offset}`;
      const now = performance.now();
      const kept = sharedPages.get(key);
      if (kept && now - kept.at < SHARED_PAGE_MS) return kept.rows;
      // Re-inserted at the end, so the first key is always the oldest page: the one to drop.
      sharedPages.delete(key);
      if (sharedPages.size >= SHARED_PAGES_MAX)
        sharedPages.delete(sharedPages.keys().next().value as string);
      const entry = { at: now, rows: store.read((db) => offerPage(db, status, { limit, offset })) };
      sharedPages.set(key, entry);
      // A failed read is not shared: the next reader tries again.
      entry.rows.catch(() => sharedPages.get(key) === entry && sharedPages.delete(key));
      return entry.rows;
    };
    const anonymousHistory = (request: FastifyRequest) =>
      request.headers.authorization === undefined &&
      statusFilter(
        (request.query as { status?: Static<typeof OfferListQuery>['status'] }).status ?? 'open',
      ) !== 'open';

    app.get(
      '/trade/offers',
      {
        config: {
          rateLimit:
            config.rateLimitPerMinute > 0
              ? {
                  max: config.rateLimitPerMinute,
                  timeWindow: 60_000,
                  allowList: (request: FastifyRequest) => !anonymousHistory(request),
                }
              : false,
        },
        schema: {
          tags,
          operationId: 'listOffers',
          summary: 'Offers, newest first: open ones by default; status=all (or *) for every status',
          querystring: OfferListQuery,
          response: replies(OfferList, { access: 'public', errors: [429] }),
        },
      },
      async (request) => {
        const { limit, offset } = request.query;
        const status = statusFilter(request.query.status);
        if (status === 'open') {
          return runtime.read((ctx) => ({
            offers: ctx.world.market.page(limit, offset).map((o) => offerOf(ctx.world, o)),
          }));
        }
        // Closed offers live only in the store; what this server applied so far is written first.
        await runtime.flush();
        const rows = anonymousHistory(request)
          ? await sharedPage(status, limit, offset)
          : await store.read((db) => offerPage(db, status, { limit, offset }));
        return runtime.read((ctx) => ({
          offers: rows.map((r) => offerOf(ctx.world, offerFromRow(r))),
        }));
      },
    );

    app.post(
      '/trade/accept/:offer_id',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'acceptOffer',
          summary:
            'Accept an open offer: pay its price from the active planet (or `?planet_id=`), receive its goods there',
          params: OfferParams,
          querystring: AcceptOfferQuery,
          response: replies(OfferAccepted, { access: 'token', errors: [400, 404, 409] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          acceptOffer,
          {
            userId: request.auth!.user.id,
            offerId: request.params.offer_id,
            planetId: request.query.planet_id,
          },
          (result, ctx) => ({
            accepted: true as const,
            offer_id: result.offer.id,
            planet_id: result.planetId,
            fee: result.fee,
            seller_received: result.sellerReceived,
            offer: offerOf(ctx.world, result.offer),
          }),
        );
      },
    );

    app.delete(
      '/trade/offers/:offer_id',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'cancelOffer',
          summary: "Cancel one's own open offer (the escrow is refunded)",
          params: OfferParams,
          response: replies(OfferCancelled, { access: 'token', errors: [403, 404, 409] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          cancelOffer,
          {
            userId: request.auth!.user.id,
            offerId: request.params.offer_id,
          },
          (offer, ctx) => ({
            cancelled: true as const,
            offer_id: offer.id,
            refunded: { resource: offer.offeredResource, amount: offer.offeredAmount },
            offer: offerOf(ctx.world, offer),
          }),
        );
      },
    );

    app.get(
      '/player/:user_id/trade/history',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'getTradeHistory',
          summary: "The player's trade events (as seller or buyer), newest first",
          params: UserIdParams,
          querystring: TradeHistoryQuery,
          response: replies(TradeHistory, { access: 'player' }),
        },
      },
      async (request) => {
        await runtime.flush();
        const rows = await store.read((db) =>
          tradeEventPage(db, request.params.user_id, request.query),
        );
        return { events: rows.map(eventOf) };
      },
    );
  };
