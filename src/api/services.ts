import type { Config } from '../config/index.js';
import type { BattleService } from '../runtime/battles.js';
import type { Clock } from '../runtime/clock.js';
import type { GameRuntime } from '../runtime/game.js';
import type { IdempotencyLedger } from '../runtime/idempotency.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/store.js';
import type { TokenService } from './auth/tokens.js';

/** Everything the HTTP and WebSocket layer needs, built once by the composition root. */
export interface AppServices {
  config: Config;
  clock: Clock;
  runtime: GameRuntime;
  /** Runs the commands of routes, once per Idempotency-Key. */
  ledger: IdempotencyLedger;
  store: Store;
  tokens: TokenService;
  metrics: Metrics;
  /** Big battles off the game loop, and battle simulations. */
  battles: BattleService;
}
