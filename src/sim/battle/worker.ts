// Entry point of the battle thread started by BattleWorker (worker-client.ts). It warms the
// engine up once at start, so the first real battle already runs optimized code, then answers
// one request at a time.

import { parentPort } from 'node:worker_threads';
import { runBattle, warmUpBattleEngine } from './engine.js';
import type { BattleReply, BattleRequest } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('worker.ts must be started as a worker thread');

warmUpBattleEngine();

port.on('message', (request: BattleRequest) => {
  let reply: BattleReply;
  try {
    reply = { id: request.id, ok: true, result: runBattle(request.input) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id: request.id, ok: false, error: { name: error.name, message: error.message } };
  }
  port.postMessage(reply);
});
