// Messages between BattleWorker (main thread) and worker.ts (the battle thread).

import type { BattleInput, BattleResult } from './types.js';

export interface BattleRequest {
  readonly id: number;
  readonly input: BattleInput;
}

export type BattleReply =
  | { readonly id: number; readonly ok: true; readonly result: BattleResult }
  | { readonly id: number; readonly ok: false; readonly error: { name: string; message: string } };
