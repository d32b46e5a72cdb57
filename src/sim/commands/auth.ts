import type { Command } from '../context.js';
import { badRequest, unavailable } from '../errors.js';
import type { User, UserId } from '../types.js';
import { createPlanet, pickFreeCoordinates } from '../universe.js';

export interface RegisterInput {
  username: string;
  email: string;
  passwordHash: string;
}

/** Throws the specification's 400 if the name or email is taken (case-insensitive). */
export function assertAvailable(
  world: { usersByName: Map<string, User>; usersByEmail: Map<string, User> },
  input: {
    username: string;
    email: string;
  },
): void {
  if (world.usersByName.has(input.username.toLowerCase()))
    throw badRequest('Username already taken');
  if (world.usersByEmail.has(input.email.toLowerCase())) throw badRequest('Email already in use');
}

/** Creates the account and, unless players choose their start, a homeworld on a free slot. */
export const registerUser: Command<RegisterInput, User> = (ctx, input) => {
  assertAvailable(ctx.world, input);
  const needsHome = !ctx.settings.starter.requireStartChoice;
  const coordinates = needsHome ? pickFreeCoordinates(ctx) : null;
  if (needsHome && coordinates === null)
    throw unavailable('The universe is full; no free position for a homeworld');
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

export const recordLogin: Command<{ userId: UserId }, void> = (ctx, { userId }) => {
  const user = ctx.world.users.get(userId);
  if (!user) return;
  user.lastLogin = ctx.now;
  user.lastActive = ctx.now;
  ctx.changes.touch('users', user.id);
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

export const pruneRevokedTokens: Command<void, number> = (ctx) => {
  let pruned = 0;
  for (const [jti, t] of ctx.world.revokedTokens) {
    if (t.expiresAt <= ctx.now) {
      ctx.world.revokedTokens.delete(jti);
      ctx.changes.remove('revoked_tokens', jti);
      pruned++;
    }
  }
  return pruned;
};
