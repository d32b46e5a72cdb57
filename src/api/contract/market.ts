// Schemas of the marketplace routes: offers (sim/views/trade.ts offerView), what accepting and
// cancelling answer, and the trade history (tradeEventView).
import { Type } from 'typebox';
import { EVENT_STATUS, OFFER_STATUSES, type TradeEventType } from '../../sim/market/types.js';
import { MAX_TRADE_AMOUNT } from '../../sim/market/validate.js';
import { OfferStatus, ResourceKind } from './enums.js';
import { DateTime, Id, Named, Nullable, Obj, StringEnum } from './kit.js';
import { Defaulted, pageFields } from './query.js';

const planetIdDescription =
  "One of the player's planets; the active planet when absent. Another planet answers 404 `planet_not_found`.";

const Amount = (description: string) =>
  Type.Integer({
    minimum: 1,
    maximum: MAX_TRADE_AMOUNT,
    description: `${description} A string of digits is read as the integer (the reference server accepted both).`,
  });

/** POST /trade/offers (checked by sim/market/validate.ts parseOfferTerms, 400 per field). */
export const CreateOfferRequest = Obj({
  offered_resource: ResourceKind,
  offered_amount: Amount('Escrowed from the planet at once.'),
  requested_resource: ResourceKind,
  requested_amount: Amount('What a buyer pays (the seller gets it minus the fee).'),
  planet_id: Type.Optional(
    Id({
      description: `The planet the escrow leaves (and refunds return to). ${planetIdDescription}`,
    }),
  ),
});

/** `?planet_id=` of POST /trade/accept/{offer_id}: the buyer's planet that pays and receives. */
export const AcceptOfferQuery = Obj({
  planet_id: Type.Optional(
    Id({ description: `The planet that pays and receives the goods. ${planetIdDescription}` }),
  ),
});

export const OfferParams = Obj({ offer_id: Id() });

/** Filters of GET /trade/offers besides the statuses themselves: every status. */
export const ALL_STATUSES = ['all', '*'] as const;

export const OfferListQuery = Obj({
  status: Defaulted(
    StringEnum([...OFFER_STATUSES, ...ALL_STATUSES], {
      default: 'open',
      description: 'Offers of this status; `all` (or `*`) for every status.',
    }),
  ),
  ...pageFields(1000, 50),
});

export const TradeHistoryQuery = Obj(pageFields(200, 50));

/** sim/views/trade.ts offerView. */
export const Offer = Named(
  'Offer',
  Obj(
    {
      id: Id(),
      seller_user_id: Id(),
      seller_name: Nullable(Type.String({ description: 'Null once the seller is gone.' })),
      offered_resource: ResourceKind,
      offered_amount: Type.Integer({ minimum: 1 }),
      requested_resource: ResourceKind,
      requested_amount: Type.Integer({ minimum: 1 }),
      status: OfferStatus,
      created_at: DateTime(),
      expires_at: Nullable(DateTime({ description: 'Null: the offer never expires.' })),
      accepted_by: Nullable(Id({ description: 'The buyer, once accepted.' })),
      accepted_at: Nullable(DateTime()),
      closed_at: Nullable(DateTime({ description: 'When it was accepted, cancelled or expired.' })),
    },
    { description: 'A marketplace offer; its offered amount is held in escrow while open.' },
  ),
);

export const OfferList = Named(
  'OfferList',
  Obj({ offers: Type.Array(Offer, { description: 'Newest first.' }) }),
);

export const OfferAccepted = Named(
  'OfferAccepted',
  Obj({
    accepted: Type.Literal(true),
    offer_id: Id(),
    planet_id: Id({ description: "The buyer's planet that paid and received the goods." }),
    fee: Type.Integer({ minimum: 0, description: 'Burned: the seller gets the price minus it.' }),
    seller_received: Type.Integer({ minimum: 0 }),
    offer: Offer,
  }),
);

export const OfferCancelled = Named(
  'OfferCancelled',
  Obj({
    cancelled: Type.Literal(true),
    offer_id: Id(),
    refunded: Obj(
      { resource: ResourceKind, amount: Type.Integer({ minimum: 1 }) },
      { description: "The escrow, back on the seller's planet." },
    ),
    offer: Offer,
  }),
);

const TRADE_EVENT_TYPES = Object.keys(EVENT_STATUS) as TradeEventType[];

/** sim/views/trade.ts tradeEventView: an entry of a player's trade history. */
export const TradeEvent = Named(
  'TradeEvent',
  Obj({
    id: Id(),
    type: StringEnum(TRADE_EVENT_TYPES),
    offer_id: Id(),
    seller_user_id: Id(),
    buyer_user_id: Nullable(Id({ description: 'Set on trade_completed.' })),
    offered_resource: ResourceKind,
    offered_amount: Type.Integer({ minimum: 1 }),
    requested_resource: ResourceKind,
    requested_amount: Type.Integer({ minimum: 1 }),
    status: StringEnum([...new Set(Object.values(EVENT_STATUS))], {
      description: "The reference server's status of the event type.",
    }),
    fee: Type.Integer({ minimum: 0 }),
    timestamp: DateTime(),
  }),
);

export const TradeHistory = Named(
  'TradeHistory',
  Obj({ events: Type.Array(TradeEvent, { description: 'Newest first, as seller or buyer.' }) }),
);
