// The WebSocket contract: every message the server sends on /ws (one schema each, and
// `ServerMessage`, their union) and the frames a client may send. The AsyncAPI document
// (asyncapi.ts) is generated from these, and tests check every message sent against them.
import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { EVENT_STATUS, type TradeEventType } from '../../sim/market/types.js';
import { Coordinates, Levels, Position, Resources } from './common.js';
import { BuildingType, Mission, ResearchType, ResourceKind, ShipyardUnitType } from './enums.js';
import { DateTime, Id, MapOf, Named, Nullable, Obj, StringEnum } from './kit.js';
import { Notification } from './shapes.js';

/** The fields every server message carries besides `type`. */
const ENVELOPE = {
  seq: Type.Integer({
    minimum: 0,
    description:
      "The message's number in the event stream. Events (everything that reports a change) " +
      'carry their own number: it increases for each player, and a stored notification has ' +
      'the `seq` of its `notification` message as its id. Other messages (welcome, pong, info, ' +
      'error, resource_update, market_update, replay_complete) carry the `seq` of the last event sent on the ' +
      'socket: the position to resume from with `/ws?after=<seq>`.',
  }),
  server_time: DateTime({ description: 'When the server sent the message (its clock).' }),
};

/**
 * Logged events replayed on one reconnect at most (the newest; `truncated` says so): a client
 * that missed more reloads the state rather than reading a day of events.
 */
export const REPLAY_EVENT_CAP = 1000;

/** The field an event carries when a reconnection with `?after=` sends it again. */
const REPLAYED = {
  replayed: Type.Optional(
    Type.Literal(true, {
      description:
        'Sent again on a reconnection with `?after=`, before `replay_complete`; otherwise ' +
        'the same message as the live one.',
    }),
  ),
};

/** One message of the contract, for the AsyncAPI document and the message checker. */
export interface MessageDef {
  /** The `type` field (for the ping frame: the text itself). */
  type: string;
  /** The schema's name (`components.schemas.<id>`). */
  id: string;
  summary: string;
  /** Whether the message reports a change and so has its own `seq` (see ENVELOPE). */
  event: boolean;
  schema: TSchema;
  contentType?: string;
}

const serverMessages: MessageDef[] = [];

const pascal = (type: string): string =>
  type.replace(/(^|_)([a-z])/g, (_m, _sep, c: string) => c.toUpperCase());

/**
 * Registers a server message `type` with its fields (`type`, `seq`, `server_time` added, and
 * for an event the optional `replayed`).
 */
function serverMessage<const T extends string, const E extends boolean, P extends TProperties>(
  type: T,
  event: E,
  summary: string,
  properties: P,
) {
  const id = `${pascal(type)}Message`;
  const replayed = (event ? REPLAYED : {}) as E extends true
    ? typeof REPLAYED
    : Record<never, never>;
  const schema = Named(
    id,
    Obj(
      { type: Type.Literal(type), ...properties, ...replayed, ...ENVELOPE },
      { description: summary },
    ),
  );
  serverMessages.push({ type, id, summary, event, schema });
  return schema;
}

const Ts = (description = 'When it happened (game time).') => DateTime({ description });
const Counts = (description: string) => MapOf(Type.Integer({ minimum: 0 }), { description });

// ---- Shapes only messages use (a reports contract can import them from here). ----

const SideRound = Obj({
  shots: Type.Integer({ minimum: 0 }),
  damage_dealt: Type.Number(),
  damage_absorbed: Type.Number(),
  units_lost: Type.Integer({ minimum: 0 }),
  units_remaining: Type.Integer({ minimum: 0 }),
});

/** sim/combat/outcome.ts battleOutcome: what a battle did. */
export const BattleOutcomeShape = Obj(
  {
    winner: StringEnum(['attacker', 'defender', 'draw']),
    rounds: Type.Integer({ minimum: 0, description: 'Rounds fought.' }),
    seed: Type.Integer({ minimum: 0, description: 'Replays the battle exactly.' }),
    attacker_power: Type.Number(),
    defender_power: Type.Number(),
    attacker_remaining_power: Type.Number(),
    defender_remaining_power: Type.Number(),
    attacker_losses: Counts('Units lost by type.'),
    defender_losses: Counts('Units lost for good by type (repaired defenses excluded).'),
    attacker_remaining: Counts('Surviving units by type.'),
    defender_remaining: Counts('Surviving units by type, repaired defenses included.'),
    defender_repaired: Counts('Defenses rebuilt after the battle, by type.'),
    loot: Resources,
    debris: Resources,
    moon_chance: Type.Number({ description: 'Percent.' }),
    round_summaries: Type.Array(
      Obj({ round: Type.Integer({ minimum: 1 }), attacker: SideRound, defender: SideRound }),
    ),
    resolved_at: Type.Optional(DateTime()),
    location: Type.Optional(Position),
  },
  { description: 'The outcome of a battle.' },
);

/** sim/missions/espionage.ts snapshotOf: what the spies saw (hidden parts are null). */
export const EspionageSnapshotShape = Obj(
  {
    planet: Obj({
      id: Id(),
      name: Type.String(),
      temperature: Type.Number(),
      size: Type.Integer(),
    }),
    owner: Obj({ user_id: Id(), name: Nullable(Type.String()) }),
    resources: Nullable(Resources),
    buildings: Nullable(Levels),
    fleet: Nullable(Levels),
    defenses: Nullable(Levels),
    research: Nullable(Levels),
    counter_espionage_chance: Type.Optional(
      Type.Number({ description: 'Percent; only in rulesets with counter-espionage.' }),
    ),
  },
  { description: 'What an espionage mission saw of a planet.' },
);

const TRADE_EVENT_TYPES = Object.keys(EVENT_STATUS) as TradeEventType[];

// ---- Messages that record nothing: they carry the socket's position as their seq. ----

export const ReplayInfo = Obj(
  {
    after: Type.Integer({ minimum: 0, description: 'The `after` the client asked for.' }),
    count: Type.Integer({
      minimum: 0,
      description: 'Events replayed: stored notifications and logged events.',
    }),
    truncated: Type.Boolean({
      description:
        'True when events after `after` may be missing from the replay: older notifications ' +
        'than the retained ones (the inbox holds NOTIFICATION_RETENTION, all newer than ' +
        '`after`), events older than EVENT_LOG_RETENTION_SECONDS (pruned), more logged events ' +
        `than one replay sends (only the newest ${REPLAY_EVENT_CAP} are), or \`after\` ` +
        'ahead of this server (its position is unknown here). Reload the state.',
    }),
  },
  { description: 'What a reconnection with `?after=` replays.' },
);

export const WelcomeMessage = serverMessage(
  'welcome',
  false,
  'The first message on a socket once it is authenticated.',
  {
    user_id: Id(),
    replay: Type.Optional(ReplayInfo),
  },
);
export const PongMessage = serverMessage('pong', false, 'The answer to the text frame `ping`.', {});
export const InfoMessage = serverMessage(
  'info',
  false,
  'Any other text frame, echoed back (there are no other client commands).',
  { message: Type.String() },
);
export const ErrorMessage = serverMessage(
  'error',
  false,
  'A frame the server cannot read (binary, or an `auth` frame on an authenticated socket).',
  { message: Type.String() },
);
export const ReplayCompleteMessage = serverMessage(
  'replay_complete',
  false,
  'Ends the replay of a reconnection with `?after=`; live events follow.',
  {
    count: Type.Integer({ minimum: 0, description: 'Events replayed (as `welcome.replay`).' }),
    unread_notifications: Type.Integer({ minimum: 0, description: 'Unread notifications now.' }),
  },
);
export const ResourceUpdateMessage = serverMessage(
  'resource_update',
  false,
  "Every tick: the active planet's stock and its change since the previous update.",
  {
    planet_id: Id(),
    deltas: Resources,
    totals: Resources,
    ts: Ts('The tick time.'),
  },
);

export const MarketUpdateMessage = serverMessage(
  'market_update',
  false,
  'At the tick after the open offers changed (one was created, accepted, cancelled or expired, by anyone): read `GET /trade/offers` again. At most one per tick, to every online player.',
  {
    open_offers: Type.Integer({ minimum: 0, description: 'Open offers now.' }),
    ts: Ts('The tick time.'),
  },
);

// ---- Events: each has its own seq. ----

export const BuildingCompleteMessage = serverMessage(
  'building_complete',
  true,
  'A building level (or a demolition) is done.',
  {
    building_type: BuildingType,
    new_level: Type.Integer({ minimum: 0 }),
    action: StringEnum(['build', 'demolish']),
    planet_id: Id(),
    ts: Ts(),
  },
);
export const ResearchCompleteMessage = serverMessage(
  'research_complete',
  true,
  'A technology level is done.',
  { research_type: ResearchType, new_level: Type.Integer({ minimum: 0 }), ts: Ts() },
);
export const ShipBuildCompleteBatchMessage = serverMessage(
  'ship_build_complete_batch',
  true,
  'Units left the shipyard: every completion of one commit in one message.',
  {
    entity: Id({ description: 'The planet.' }),
    items: Type.Array(
      Obj({
        type: ShipyardUnitType,
        count: Type.Integer({ minimum: 1 }),
        queued_at: DateTime(),
        completion_time: DateTime({ description: 'When the last of these units was done.' }),
      }),
      { minItems: 1 },
    ),
    timestamp: Ts('When the last unit was done.'),
  },
);
export const IncomingAttackMessage = serverMessage(
  'incoming_attack',
  true,
  "Another player's attack fleet is heading to one of your planets.",
  {
    fleet_id: Id(),
    attacker_user_id: Id(),
    origin: Coordinates,
    target: Coordinates,
    planet_id: Id(),
    eta: DateTime({ description: 'When it arrives.' }),
    ts: Ts('When it was sent.'),
  },
);
export const BattleStartedMessage = serverMessage(
  'battle_started',
  true,
  'A large battle is being fought off the game loop; its report follows.',
  {
    fleet_id: Id(),
    attacker_user_id: Id(),
    defender_user_id: Id(),
    location: Position,
    ts: Ts(),
  },
);
export const BattleReportMessage = serverMessage(
  'battle_report',
  true,
  'A battle you fought in (attacker or defender).',
  {
    report_id: Id(),
    created_at: DateTime(),
    location: Position,
    outcome: BattleOutcomeShape,
  },
);
export const FleetArrivedMessage = serverMessage(
  'fleet_arrived',
  true,
  'Your fleet reached its target; the other fields say what its mission did there.',
  {
    fleet_id: Id(),
    mission: Mission,
    target: Coordinates,
    delivered: Type.Optional(
      Type.Union([Resources, Type.Null()], {
        description: 'transfer: the cargo unloaded (null: no planet there).',
      }),
    ),
    planet_id: Type.Optional(Id({ description: 'transfer, deploy: the planet reached.' })),
    deployed: Type.Optional(Type.Boolean({ description: 'deploy: false if the planet is gone.' })),
    ships: Type.Optional(Counts('deploy: the ships that stay.')),
    battle: Type.Optional(
      Type.Boolean({ description: 'attack: false when there was nothing to fight.' }),
    ),
    report_id: Type.Optional(Nullable(Id({ description: 'espionage: the report (null: none).' }))),
    counter_espionage: Type.Optional(
      Type.Boolean({ description: 'espionage: whether the spies were caught.' }),
    ),
    collected: Type.Optional(Resources),
    colony_at: Type.Optional(DateTime({ description: 'colonize: when the colony is founded.' })),
    ts: Ts(),
  },
);
export const FleetReturnedMessage = serverMessage(
  'fleet_returned',
  true,
  'Your fleet is home; ships and cargo are on the planet.',
  {
    fleet_id: Id(),
    mission: Mission,
    recalled: Type.Boolean(),
    planet_id: Id(),
    position: Coordinates,
    ships: Counts('The ships that came back.'),
    cargo: Resources,
    ts: Ts(),
  },
);
export const TransportReceivedMessage = serverMessage(
  'transport_received',
  true,
  "Another player's transport unloaded at one of your planets.",
  {
    fleet_id: Id(),
    from_user_id: Id(),
    planet_id: Id(),
    resources: Resources,
    ts: Ts(),
  },
);
export const EspionageReportMessage = serverMessage(
  'espionage_report',
  true,
  'What your spies saw.',
  {
    report_id: Id(),
    created_at: DateTime(),
    location: Position,
    snapshot: EspionageSnapshotShape,
  },
);
export const ColonyFoundedMessage = serverMessage(
  'colony_founded',
  true,
  'Your colony ship founded a planet.',
  {
    fleet_id: Id(),
    planet_id: Id(),
    name: Type.String(),
    position: Coordinates,
    ts: Ts(),
  },
);
export const ColonizationFailedMessage = serverMessage(
  'colonization_failed',
  true,
  'The target position was taken; the fleet flies home.',
  {
    fleet_id: Id(),
    target: Coordinates,
    reason: Type.String(),
    ts: Ts(),
  },
);
export const TradeEventMessage = serverMessage(
  'trade_event',
  true,
  'Something happened to an offer you made or took (its trade history entry).',
  {
    id: Id({ description: 'The trade history entry.' }),
    offer_id: Id(),
    seller_user_id: Id(),
    buyer_user_id: Nullable(Id()),
    offered_resource: ResourceKind,
    offered_amount: Type.Number(),
    requested_resource: ResourceKind,
    requested_amount: Type.Number(),
    status: StringEnum([...new Set(Object.values(EVENT_STATUS))]),
    fee: Type.Number(),
    timestamp: DateTime(),
    event_type: StringEnum(TRADE_EVENT_TYPES),
  },
);
export const NotificationMessage = serverMessage(
  'notification',
  true,
  'A notification was stored for you (its id is this message’s seq), live or replayed.',
  {
    notification: Notification,
    unread_notifications: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'Unread notifications after this one (live messages only).',
      }),
    ),
  },
);

/** Every message the server sends on /ws. */
export const SERVER_MESSAGES: readonly MessageDef[] = serverMessages;

const ALL_SERVER_MESSAGES = [
  WelcomeMessage,
  PongMessage,
  InfoMessage,
  ErrorMessage,
  ReplayCompleteMessage,
  ResourceUpdateMessage,
  MarketUpdateMessage,
  BuildingCompleteMessage,
  ResearchCompleteMessage,
  ShipBuildCompleteBatchMessage,
  IncomingAttackMessage,
  BattleStartedMessage,
  BattleReportMessage,
  FleetArrivedMessage,
  FleetReturnedMessage,
  TransportReceivedMessage,
  EspionageReportMessage,
  ColonyFoundedMessage,
  ColonizationFailedMessage,
  TradeEventMessage,
  NotificationMessage,
] as const;
if (ALL_SERVER_MESSAGES.length !== serverMessages.length) {
  throw new Error('ServerMessage must list every server message');
}

export const ServerMessage = Named(
  'ServerMessage',
  Type.Union([...ALL_SERVER_MESSAGES], {
    description: 'Any message the server sends on /ws (by `type`).',
  }),
);

/** The TypeScript type of a server message, derived from the schemas above. */
export type ServerMessage = Static<typeof ServerMessage>;
export type ServerMessageType = ServerMessage['type'];

// ---- What a client may send. ----

export const AuthFrame = Named(
  'AuthFrame',
  Obj(
    { type: Type.Literal('auth'), token: Type.String({ minLength: 1, description: 'The JWT.' }) },
    {
      description:
        'The token as the first frame, for a socket opened without `?token=` or the ' +
        '`bearer` subprotocol; it must arrive within a few seconds, or the socket is closed ' +
        'with 1008.',
    },
  ),
);
export const PingFrame = Named(
  'PingFrame',
  Type.String({
    pattern: '^\\s*[pP][iI][nN][gG]\\s*$',
    description: 'The text `ping` (any case, surrounding spaces ignored); answered `pong`.',
  }),
);

/** Every frame a client may send (other text is echoed as `info`). */
export const CLIENT_MESSAGES: readonly MessageDef[] = [
  {
    type: 'auth',
    id: 'AuthFrame',
    summary: 'Authenticates a socket opened without a token.',
    event: false,
    schema: AuthFrame,
  },
  {
    type: 'ping',
    id: 'PingFrame',
    summary: 'Asks for a `pong` (a text frame, not JSON).',
    event: false,
    schema: PingFrame,
    contentType: 'text/plain',
  },
];
