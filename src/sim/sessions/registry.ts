import type { UserId } from '../types.js';

/** A session (login) id; also the family id of its refresh tokens. Random, chosen by the API. */
export type SessionId = string;

/**
 * One login: its access tokens carry its id (`sid`), and its refresh tokens carry its id and a
 * generation. Each refresh advances the generation, so an older refresh token presented again
 * is a replay: the session is revoked, and with it every token it issued.
 */
export interface Session {
  id: SessionId;
  userId: UserId;
  createdAt: number;
  /** The last login or refresh (access-token use is not recorded: it would write per request). */
  lastUsedAt: number;
  /**
   * When the last of its tokens expires (the refresh token's REFRESH_TOKEN_EXPIRE_DAYS, or a
   * longer access token's lifetime); each refresh moves it ahead. The tokens carry their own
   * expiry too: this only says when the session can be forgotten.
   */
  expiresAt: number;
  /** The generation of the only refresh token that is still accepted. */
  generation: number;
  /** When it was logged out, revoked by a password change or by a replayed refresh token. */
  revokedAt: number | null;
}

/** Whether a session's tokens are accepted at `now`. */
export const sessionLive = (s: Session, now: number): boolean =>
  s.revokedAt === null && s.expiresAt > now;

/**
 * Every session that has not expired yet (revoked ones too, until their expiry, so a replayed
 * refresh token is still recognised as one), by id and by player; and when each player last
 * changed their password (the users row's `password_changed_at`), which refuses the tokens
 * without a session issued before the change.
 */
export class SessionRegistry {
  private readonly byId = new Map<SessionId, Session>();
  private readonly byUser = new Map<UserId, Set<SessionId>>();
  private readonly passwordChanges = new Map<UserId, number>();

  get size(): number {
    return this.byId.size;
  }

  get(id: SessionId): Session | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<Session> {
    return this.byId.values();
  }

  add(session: Session): void {
    this.byId.set(session.id, session);
    let ids = this.byUser.get(session.userId);
    if (!ids) this.byUser.set(session.userId, (ids = new Set()));
    ids.add(session.id);
  }

  remove(session: Session): void {
    this.byId.delete(session.id);
    const ids = this.byUser.get(session.userId);
    ids?.delete(session.id);
    if (ids?.size === 0) this.byUser.delete(session.userId);
  }

  ofUser(userId: UserId): Session[] {
    const out: Session[] = [];
    for (const id of this.byUser.get(userId) ?? []) {
      const session = this.byId.get(id);
      if (session) out.push(session);
    }
    return out;
  }

  passwordChangedAt(userId: UserId): number | null {
    return this.passwordChanges.get(userId) ?? null;
  }

  setPasswordChangedAt(userId: UserId, at: number | null): void {
    if (at === null) this.passwordChanges.delete(userId);
    else this.passwordChanges.set(userId, at);
  }
}
