// The AsyncAPI 3.0 document of /ws (GET /asyncapi.json), built from the message schemas in
// messages.ts and the named schemas they refer to, so it cannot drift from what is sent.
import { Type } from 'typebox';
import { Named, namedSchemas } from './kit.js';
import { CLIENT_MESSAGES, REPLAY_EVENT_CAP, SERVER_MESSAGES, type MessageDef } from './messages.js';

const Open = (description?: string) =>
  Type.Object({}, { additionalProperties: true, ...(description ? { description } : {}) });

/** GET /asyncapi.json: an AsyncAPI 3.0 document (its own specification describes the rest). */
export const AsyncApiDocument = Named(
  'AsyncApiDocument',
  Type.Object(
    {
      asyncapi: Type.Literal('3.0.0'),
      info: Type.Object(
        { title: Type.String(), version: Type.String(), description: Type.String() },
        { additionalProperties: true },
      ),
      defaultContentType: Type.String(),
      servers: Open(),
      channels: Open('The channel `events` at the address `/ws`.'),
      operations: Open('What the server sends and what it receives.'),
      components: Open('Schemas, messages and security schemes.'),
    },
    {
      additionalProperties: true,
      description:
        'An AsyncAPI 3.0 document (https://www.asyncapi.com/docs/reference/specification/v3.0.0).',
    },
  ),
);

const SCHEMAS = '#/components/schemas/';
const CHANNEL = 'events';

const DESCRIPTION = `The real-time channel of the game server: one socket (or several) per player.

**Authentication**, one of: \`/ws?token=<JWT>\`; the subprotocol header \`Sec-WebSocket-Protocol: bearer, <JWT>\` (a browser's \`new WebSocket(url, ['bearer', token])\`; the server selects \`bearer\`), which keeps the token out of URLs and proxy logs; or, with neither, the first frame \`{"type":"auth","token":"<JWT>"}\` within 5 seconds. A missing, invalid, expired or revoked token closes the socket with 1008 (an open socket too: at once after a logout, a password change or an account deletion, and within 30 s once its token expired; reconnect with a fresh token), as does a handshake from an origin that CORS_ALLOW_ORIGINS does not list (refused with 403 before the upgrade).

**Sequence numbers.** Every message carries \`type\`, \`seq\` and \`server_time\`. Events (messages that report a change) are numbered from one world-wide sequence, in commit order, so a player's events arrive with increasing \`seq\`; a stored notification's id is the \`seq\` of its \`notification\` message. Messages that record nothing (welcome, pong, info, error, resource_update, market_update, replay_complete) carry the \`seq\` of the last event sent on the socket: the position to resume from. The sequence is durable (it continues above its last number after a restart), and events are sent only after the change is committed.

**Resuming.** \`/ws?after=<seq>\` (a non-negative integer; anything else closes with 1008) sends \`welcome\` (\`seq\` = after, and \`replay\`: {after, count, truncated}), then every event of the player with a \`seq\` above \`after\`, in \`seq\` order, each the same message as live plus \`replayed: true\`: the stored notifications (at most NOTIFICATION_RETENTION) and every other event, which is logged in the same commit as the change it reports and kept EVENT_LOG_RETENTION_SECONDS (at most ${REPLAY_EVENT_CAP} per replay, the newest); then \`replay_complete\`, then live events. Events committed while the replay is read are merged in \`seq\` order and none is sent twice, so no event is lost across a reconnect. \`truncated\` is true when something after \`after\` may be missing (notifications beyond the retention, events pruned or beyond the cap, or an \`after\` this server never handed out): the client should then reload the state over REST. Without \`after\`, \`welcome.seq\` is the latest event number and only later events are sent.

**Limits.** Frames over 4 KiB close with 1009, more than 20 frames a second with 1008, a client too slow to read with 1013; at most 16 sockets per player (more close with 1008).`;

const STRIP = new Set(['$id']);

/** A copy of a schema with `$ref`s to named schemas made document-local; names are collected. */
function localize(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((x) => localize(x, refs));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (STRIP.has(key)) continue;
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      refs.add(value);
      out.$ref = `${SCHEMAS}${value}`;
    } else out[key] = localize(value, refs);
  }
  return out;
}

/** Every named schema reachable from `roots`, made document-local. */
function reachableSchemas(roots: readonly string[]): Record<string, unknown> {
  const byId = new Map(namedSchemas().map((s) => [String((s as { $id?: string }).$id), s]));
  const out: Record<string, unknown> = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (id in out) continue;
    const schema = byId.get(id);
    if (!schema) throw new Error(`AsyncAPI: schema ${id} is not registered`);
    const refs = new Set<string>();
    out[id] = localize(schema, refs);
    for (const ref of refs) if (!(ref in out)) queue.push(ref);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function messageObject(m: MessageDef) {
  return {
    name: m.type,
    title: m.type,
    summary: m.summary,
    ...(m.event ? { description: 'An event: it has its own `seq`.' } : {}),
    contentType: m.contentType ?? 'application/json',
    payload: { $ref: `${SCHEMAS}${m.id}` },
  };
}

const messageRefs = (messages: readonly MessageDef[]) =>
  messages.map((m) => ({ $ref: `#/channels/${CHANNEL}/messages/${m.type}` }));

/** The AsyncAPI 3.0 document of the WebSocket gateway. */
export function asyncApiDocument(version: string) {
  const all = [...SERVER_MESSAGES, ...CLIENT_MESSAGES];
  return {
    asyncapi: '3.0.0' as const,
    info: { title: 'OGame-like Game Server: WebSocket', version, description: DESCRIPTION },
    defaultContentType: 'application/json',
    servers: {
      game: {
        host: 'localhost:8000',
        protocol: 'ws',
        description: 'The game server, on the host and port of its REST API (`wss` behind TLS).',
        security: [
          { $ref: '#/components/securitySchemes/tokenQuery' },
          { $ref: '#/components/securitySchemes/bearerSubprotocol' },
        ],
      },
    },
    channels: {
      [CHANNEL]: {
        address: '/ws',
        title: "A player's event stream",
        description: 'Opened with GET /ws (an HTTP upgrade); see the description above.',
        messages: Object.fromEntries(
          all.map((m) => [m.type, { $ref: `#/components/messages/${m.type}` }]),
        ),
        bindings: {
          ws: {
            method: 'GET',
            query: {
              type: 'object',
              properties: {
                token: { type: 'string', description: 'The JWT (or use the subprotocol).' },
                after: {
                  type: 'integer',
                  minimum: 0,
                  description: 'Resume after this `seq`: the missed events come first.',
                },
              },
              additionalProperties: false,
            },
            headers: {
              type: 'object',
              properties: {
                'Sec-WebSocket-Protocol': {
                  type: 'string',
                  description: '`bearer, <JWT>`: the token without the URL.',
                },
              },
            },
            bindingVersion: '0.1.0',
          },
        },
      },
    },
    operations: {
      sendServerMessages: {
        action: 'send',
        channel: { $ref: `#/channels/${CHANNEL}` },
        title: 'Messages the server sends',
        summary: 'Welcome, answers, per-tick resources and every game event of the player.',
        messages: messageRefs(SERVER_MESSAGES),
      },
      receiveClientFrames: {
        action: 'receive',
        channel: { $ref: `#/channels/${CHANNEL}` },
        title: 'Frames a client may send',
        summary: 'The auth frame and `ping`; any other text is echoed as `info`.',
        messages: messageRefs(CLIENT_MESSAGES),
      },
    },
    components: {
      schemas: reachableSchemas([...all.map((m) => m.id), 'ServerMessage']),
      messages: Object.fromEntries(all.map((m) => [m.type, messageObject(m)])),
      securitySchemes: {
        tokenQuery: {
          type: 'httpApiKey',
          name: 'token',
          in: 'query',
          description: 'The JWT of POST /auth/login in the `token` query parameter.',
        },
        bearerSubprotocol: {
          type: 'httpApiKey',
          name: 'Sec-WebSocket-Protocol',
          in: 'header',
          description:
            'The subprotocols `bearer` and the JWT (`new WebSocket(url, ["bearer", token])`); ' +
            'the server answers with the `bearer` subprotocol. Alternatively, the first frame ' +
            '`{"type":"auth","token":"<JWT>"}` (AuthFrame).',
        },
      },
    },
  };
}
