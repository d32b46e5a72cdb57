import { randomBytes } from 'node:crypto';
import type { Command } from '../sim/context.js';
import type { GameRuntime } from './game.js';

/** Meta key of the token-signing secret made for a server started without JWT_SECRET. */
export const JWT_SECRET_KEY = 'jwt_secret';

const keepSecret: Command<string, void> = (ctx, secret) => {
  ctx.world.meta.set(JWT_SECRET_KEY, secret);
  ctx.changes.touch('meta', JWT_SECRET_KEY);
};

/**
 * The signing secret of a server without JWT_SECRET: made once, at random, and kept with the
 * data (committed before the first token is signed), so a restart keeps every session valid,
 * every server of one store signs alike, and no published default can forge a token.
 */
export async function keptJwtSecret(runtime: GameRuntime): Promise<string> {
  const kept = runtime.world.meta.get(JWT_SECRET_KEY);
  if (kept) return kept;
  const secret = randomBytes(32).toString('base64url');
  await runtime.execute(keepSecret, secret);
  return secret;
}
