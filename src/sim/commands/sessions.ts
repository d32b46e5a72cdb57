import type { Command, SimContext } from '../context.js';
import { badRequest, unauthorized } from '../errors.js';
import { removePlayer, type RemovedPlayer } from '../players/remove.js';
import { sessionLive, type Session, type SessionId } from '../sessions/registry.js';
import type { User, UserId } from '../types.js';

// Sessions (issue 11): a login opens one, each refresh rotates its generation, a replayed
// refresh token, a logout or a password change revokes it. Passwords are hashed and verified by
// the API (argon2 is slow and asynchronous); the commands receive the hash that was verified
// and refuse if it changed meanwhile, so a check and its effect are never split by another
// request's change.

const invalidRefresh = () => unauthorized('invalid_token', 'Invalid refresh token');

/** The player behind a session or token, 401 if the account is gone or deactivated. */
function activeUser(ctx: SimContext, userId: UserId): User {
  const user = ctx.world.users.get(userId);
  if (!user || !user.isActive) throw unauthorized('inactive_user', 'Inactive user');
  return user;
}

/** The account whose password `verifiedHash` was checked against, 400 if it changed since. */
function verifiedUser(ctx: SimContext, userId: UserId, verifiedHash: string): User {
  const user = activeUser(ctx, userId);
  if (user.passwordHash !== verifiedHash)
    throw badRequest('invalid_credentials', 'Current password is incorrect');
  return user;
}

function revoke(ctx: SimContext, session: Session): void {
  session.revokedAt = ctx.now;
  ctx.changes.touch('sessions', session.id);
}

export interface OpenSessionInput {
  userId: UserId;
  /** A fresh random id chosen by the caller (the simulation has no unguessable randomness). */
  sessionId: SessionId;
  /** The hash the login's password was verified against. */
  verifiedHash: string;
  lifetimeMs: number;
}

/** Login: records it on the account and opens a session at generation 1. */
export const openSession: Command<OpenSessionInput, Session> = (ctx, input) => {
  const user = ctx.world.users.get(input.userId);
  // The password changed (or the account went) between the check and now: as a wrong password.
  if (!user || !user.isActive || user.passwordHash !== input.verifiedHash)
    throw unauthorized('invalid_credentials', 'Invalid credentials');
  if (ctx.world.sessions.get(input.sessionId)) throw new Error('session id collision');
  user.lastLogin = ctx.now;
  user.lastActive = ctx.now;
  ctx.changes.touch('users', user.id);
  const session: Session = {
    id: input.sessionId,
    userId: user.id,
    createdAt: ctx.now,
    lastUsedAt: ctx.now,
    expiresAt: ctx.now + input.lifetimeMs,
    generation: 1,
    revokedAt: null,
  };
  ctx.world.sessions.add(session);
  ctx.changes.touch('sessions', session.id);
  // A copy: the caller signs tokens from it after the commit, when the live one may have moved.
  return { ...session };
};

export interface RefreshInput {
  userId: UserId;
  sessionId: SessionId;
  /** The generation the presented refresh token was issued for. */
  generation: number;
  lifetimeMs: number;
}

export type RefreshOutcome = { status: 'rotated'; session: Session } | { status: 'reused' };

/**
 * Exchanges a refresh token: the current generation advances (the old token is spent) and the
 * session's expiry moves ahead. An older generation is a replay (the token was stolen, or the
 * client kept a spent one): the whole session is revoked. That outcome is returned rather than
 * thrown, because a command that throws commits nothing and the revocation must be durable.
 */
export const refreshSession: Command<RefreshInput, RefreshOutcome> = (ctx, input) => {
  const session = ctx.world.sessions.get(input.sessionId);
  if (!session || session.userId !== input.userId || !sessionLive(session, ctx.now))
    throw invalidRefresh();
  activeUser(ctx, session.userId);
  // A generation never issued: only a holder of the signing key could make one.
  if (input.generation > session.generation) throw invalidRefresh();
  if (input.generation < session.generation) {
    revoke(ctx, session);
    return { status: 'reused' };
  }
  session.generation++;
  session.lastUsedAt = ctx.now;
  session.expiresAt = ctx.now + input.lifetimeMs;
  ctx.changes.touch('sessions', session.id);
  return { status: 'rotated', session: { ...session } };
};

/** Logout: the session's access and refresh tokens all stop working. */
export const endSession: Command<{ sessionId: SessionId }, void> = (ctx, { sessionId }) => {
  const session = ctx.world.sessions.get(sessionId);
  if (session && session.revokedAt === null) revoke(ctx, session);
};

export interface ChangePasswordInput {
  userId: UserId;
  /** The hash the current password was verified against. */
  verifiedHash: string;
  passwordHash: string;
  /** The session making the change, which stays; null when its token has no session. */
  keepSessionId: SessionId | null;
}

/**
 * Sets a new password, revokes every other live session of the player, and refuses from now
 * on their tokens without a session (issued before sessions existed). Returns how many
 * sessions were revoked.
 */
export const changePassword: Command<ChangePasswordInput, number> = (ctx, input) => {
  const user = verifiedUser(ctx, input.userId, input.verifiedHash);
  user.passwordHash = input.passwordHash;
  ctx.world.sessions.setPasswordChangedAt(user.id, ctx.now);
  ctx.changes.touch('users', user.id);
  let revoked = 0;
  for (const session of ctx.world.sessions.ofUser(user.id)) {
    if (session.id === input.keepSessionId || !sessionLive(session, ctx.now)) continue;
    revoke(ctx, session);
    revoked++;
  }
  return revoked;
};

/**
 * Deletes the account as the inactivity cleanup does (planets freed, queues, fleets and offers
 * refunded or dropped, sessions deleted). Reports stay: the other participant still reads them.
 */
export const deleteAccount: Command<{ userId: UserId; verifiedHash: string }, RemovedPlayer> = (
  ctx,
  input,
) => {
  const user = verifiedUser(ctx, input.userId, input.verifiedHash);
  return removePlayer(ctx, user);
};

/** Forgets sessions past their expiry (their tokens are refused already). */
export function pruneSessions(ctx: SimContext): number {
  let pruned = 0;
  for (const session of [...ctx.world.sessions.values()]) {
    if (session.expiresAt > ctx.now) continue;
    ctx.world.sessions.remove(session);
    ctx.changes.remove('sessions', session.id);
    pruned++;
  }
  return pruned;
}
