import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import type { Clock } from '../../runtime/clock.js';

export interface TokenClaims {
  userId: number;
  jti: string;
  /** Expiry in epoch milliseconds. */
  expiresAt: number;
  /** The session (`sid`) the token belongs to; null for tokens issued before sessions. */
  sessionId: string | null;
  /** Issue time in epoch milliseconds (`iat`), null when the token does not say. */
  issuedAt: number | null;
}

/** What a refresh token says: its session and the generation it was issued for. */
export interface RefreshClaims {
  userId: number;
  sessionId: string;
  generation: number;
  /** Expiry in epoch milliseconds. */
  expiresAt: number;
}

/** The `typ` claim of refresh tokens; access tokens have none (as the Python server's). */
const REFRESH_TYPE = 'refresh';

export class InvalidTokenError extends Error {}

/**
 * How many verified tokens are remembered. Every protected request verifies its token; a
 * player's client sends the same token for its whole lifetime, so a few thousand entries cover
 * every active session. Beyond that the oldest entry is dropped (and simply verified again).
 */
const VERIFIED_CACHE_SIZE = 10_000;

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Issues and verifies tokens: access tokens (JWT with `sub`, `exp`, `iat`, `jti` and, since
 * sessions, `sid`) and refresh tokens (`typ: "refresh"`, `sub`, `sid`, `gen`, `exp`, `jti`).
 * Neither kind is accepted as the other. Expiry is checked against the injected clock, so tests
 * can move time without waiting.
 */
export class TokenService {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifyRaw: (token: string) => Record<string, unknown>;
  /**
   * Claims of tokens whose signature and claims already checked out, keyed by the exact token
   * text (so a hit is the very same signed bytes). Only the signature work is skipped: expiry is
   * checked on every call, and revocation (logout, sessions) is checked by the caller against
   * the world on every request. fast-jwt's own cache is off because it hashes the token
   * (SHA-256) on every lookup, which cost more per request than this map.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    secret: string,
    private readonly algorithm: 'HS256' | 'HS384' | 'HS512',
    private readonly lifetimeMs: number,
    private readonly clock: Clock,
  ) {
    this.sign = createSigner({ key: secret, algorithm, noTimestamp: true });
    // Only the configured HMAC algorithm is accepted: `alg: none` and key confusion fail here.
    this.verifyRaw = createVerifier({
      key: secret,
      algorithms: [algorithm],
      ignoreExpiration: true,
      cache: false,
    });
  }

  /** Access tokens' lifetime in seconds (the `expires_in` of a token pair). */
  get lifetimeSeconds(): number {
    return seconds(this.lifetimeMs);
  }

  /** An access token; `sessionId` null only for tools and tests that need a session-less one. */
  issue(userId: number, sessionId: string | null = null): { token: string; claims: TokenClaims } {
    const now = this.clock.now();
    const jti = randomUUID();
    const expiresAt = seconds(now + this.lifetimeMs) * 1000;
    const payload: Record<string, unknown> = {
      sub: String(userId),
      jti,
      iat: seconds(now),
      exp: expiresAt / 1000,
    };
    if (sessionId !== null) payload.sid = sessionId;
    return {
      token: this.sign(payload),
      claims: { userId, jti, expiresAt, sessionId, issuedAt: seconds(now) * 1000 },
    };
  }

  /** A refresh token of `sessionId` for `generation`, valid until `expiresAt` (ms). */
  issueRefresh(userId: number, sessionId: string, generation: number, expiresAt: number): string {
    return this.sign({
      typ: REFRESH_TYPE,
      sub: String(userId),
      sid: sessionId,
      gen: generation,
      jti: randomUUID(),
      iat: seconds(this.clock.now()),
      exp: seconds(expiresAt),
    });
  }

  verify(token: string): TokenClaims {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (known.expiresAt <= this.clock.now()) {
        this.verified.delete(token);
        throw new InvalidTokenError('expired');
      }
      return known;
    }
    const claims = this.verifyUncached(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, claims);
    return claims;
  }

  /** A refresh token's claims: signature, kind, claims and expiry (never cached: rare). */
  verifyRefresh(token: string): RefreshClaims {
    const payload = this.payloadOf(token);
    const userId = Number(payload.sub);
    const exp = Number(payload.exp);
    const generation = payload.gen;
    if (
      payload.typ !== REFRESH_TYPE ||
      !Number.isSafeInteger(userId) ||
      userId <= 0 ||
      !Number.isFinite(exp) ||
      typeof payload.sid !== 'string' ||
      typeof generation !== 'number' ||
      !Number.isSafeInteger(generation) ||
      generation < 1
    ) {
      throw new InvalidTokenError('not a refresh token');
    }
    if (exp * 1000 <= this.clock.now()) throw new InvalidTokenError('expired');
    return { userId, sessionId: payload.sid, generation, expiresAt: exp * 1000 };
  }

  private payloadOf(token: string): Record<string, unknown> {
    try {
      return this.verifyRaw(token);
    } catch {
      throw new InvalidTokenError('bad signature or malformed token');
    }
  }

  /** Signature, algorithm, claims and expiry: the full check of a token not seen before. */
  private verifyUncached(token: string): TokenClaims {
    const payload = this.payloadOf(token);
    const userId = Number(payload.sub);
    const exp = Number(payload.exp);
    const iat = payload.iat;
    if (
      // A refresh token (or any other kind) is never an access token.
      payload.typ !== undefined ||
      !Number.isSafeInteger(userId) ||
      userId <= 0 ||
      !Number.isFinite(exp) ||
      typeof payload.jti !== 'string' ||
      (payload.sid !== undefined && typeof payload.sid !== 'string')
    ) {
      throw new InvalidTokenError('missing claims');
    }
    if (exp * 1000 <= this.clock.now()) throw new InvalidTokenError('expired');
    // Frozen because the same object is handed to every request that presents this token.
    return Object.freeze({
      userId,
      jti: payload.jti,
      expiresAt: exp * 1000,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
      issuedAt: typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 : null,
    });
  }

  get algorithmName(): string {
    return this.algorithm;
  }
}
