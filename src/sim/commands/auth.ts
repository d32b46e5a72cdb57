import type { Command } from '../context.js';
import { badRequest, unavailable } from '../errors.js';
import { usernameSkeleton } from '../players/username.js';
import type { User, UserId } from '../types.js';
import type { World } from '../world.js';
import { createPlanet, pickFreeCoordinates } from '../universe.js';
import { pruneSessions } from './sessions.js';

export interface RegisterInput {
  username: string;
  email: string;
  passwordHash: string;
}

/**
 * Throws the specification's 400 if the name or email is taken (case-insensitive), or the name
 * looks like one that is (Unicode confusables: `аdmin` with a Cyrillic а is `admin`).
 */
export function assertAvailable(
  world: Pick<World, 'usersByName' | 'usersBySkeleton' | 'usersByEmail'>,
  input: {
    username: string;
    email: string;
  },
): void {
  if (world.usersByName.has(input.username.toLowerCase()))
    throw badRequest('username_taken', 'Username already taken');
  if (world.usersBySkeleton.has(usernameSkeleton(input.username)))
    throw badRequest('username_taken', 'Username too similar to one already taken');
  if (world.usersByEmail.has(input.email.toLowerCase()))
    throw badRequest('email_taken', 'Email already in use');
}

/** Creates the account and, unless players choose their start, a homeworld on a free slot. */
export const registerUser: Command<RegisterInput, User> = (ctx, input) => {
  assertAvailable(ctx.world, input);
  const needsHome = !ctx.settings.starter.requireStartChoice;
  const coordinates = needsHome ? pickFreeCoordinates(ctx) : null;
  if (needsHome && coordinates === null)
    throw unavailable('universe_full', 'The universe is full; no free position for a homeworld');
  const user: User = {
    id: ctx.world.nextId('user'),
    username: input.username,
    email: input.email,
    passwordHash: input.passwordHash,
    createdAt: ctx.now,
    lastLogin: null,
    lastActive: ctx.now,
    isActive: true,
    activePlanetId: null,
    research: {},
  };
  ctx.world.addUser(user);
  ctx.changes.touch('users', user.id);
  if (coordinates) createPlanet(ctx, user, coordinates, ctx.settings.starter.planetName);
  return user;
};

export interface RevokeInput {
  jti: string;
  userId: UserId;
  expiresAt: number;
}

/** Revokes a token durably; expired revocations are pruned by `pruneRevokedTokens`. */
export const revokeToken: Command<RevokeInput, void> = (ctx, input) => {
  ctx.world.revokedTokens.set(input.jti, { userId: input.userId, expiresAt: input.expiresAt });
  ctx.changes.touch('revoked_tokens', input.jti);
};

/**
 * The periodic pruning of credentials past their expiry: token revocations (the token itself
 * is refused by then) and sessions (see pruneSessions). Returns how many entries went.
 */
export const pruneRevokedTokens: Command<void, number> = (ctx) => {
  let pruned = pruneSessions(ctx);
  for (const [jti, t] of ctx.world.revokedTokens) {
    if (t.expiresAt <= ctx.now) {
      ctx.world.revokedTokens.delete(jti);
      ctx.changes.remove('revoked_tokens', jti);
      pruned++;
    }
  }
  return pruned;
};
