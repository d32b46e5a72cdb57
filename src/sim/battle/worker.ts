// Entry point of the battle thread started by BattleWorker (worker-client.ts). It warms the
// engine up once at start, so the first real battle already runs optimized code, then answers
// one request at a time.

import { serveRequests } from '../../lib/worker-thread.js';
import { runBattle, warmUpBattleEngine } from './engine.js';

warmUpBattleEngine();
serveRequests(runBattle);
