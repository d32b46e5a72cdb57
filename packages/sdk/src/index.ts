// The SDK of the OGame-like game server: typed REST (openapi-fetch over types generated from
// the server's OpenAPI document, `npm run sdk`) and a typed WebSocket client.
export { ApiError, createGameClient, newIdempotencyKey, ok } from './client.js';
export type { GameClient, GameClientOptions, Schemas, Session } from './client.js';
export { GameSocket, isEvent } from './socket.js';
export type {
  GameSocketOptions,
  MessageOf,
  ServerMessage,
  ServerMessageType,
  SocketState,
  WebSocketFactory,
  WebSocketLike,
} from './socket.js';
export type { components, operations, paths } from './schema.js';
