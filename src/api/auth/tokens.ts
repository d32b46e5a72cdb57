import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import type { Clock } from '../../runtime/clock.js';

export interface TokenClaims {
  userId: number;
  jti: string;
  /** Expiry in epoch milliseconds. */
  expiresAt: number;
}

export class InvalidTokenError extends Error {}

/**
 * How many verified tokens are remembered. Every protected request verifies its token; a
 * player's client sends the same token for its whole lifetime, so a few thousand entries cover
 * every active session. Beyond that the oldest entry is dropped (and simply verified again).
 */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Issues and verifies access tokens (JWT with `sub`, `exp`, `iat`, `jti`). Expiry is checked
 * against the injected clock, so tests can move time without waiting.
 */
export class TokenService {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifyRaw: (token: string) => Record<string, unknown>;
  /**
   * Claims of tokens whose signature and claims already checked out, keyed by the exact token
   * text (so a hit is the very same signed bytes). Only the signature work is skipped: expiry is
   * checked on every call, and revocation (logout) is checked by the caller against the world on
   * every request. fast-jwt's own cache is off because it hashes the token (SHA-256) on every
   * lookup, which cost more per request than this map.
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

  issue(userId: number): { token: string; claims: TokenClaims } {
    const now = this.clock.now();
    const jti = randomUUID();
    const expiresAt = now + this.lifetimeMs;
    const token = this.sign({
      sub: String(userId),
      jti,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
    });
    return { token, claims: { userId, jti, expiresAt: Math.floor(expiresAt / 1000) * 1000 } };
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

  /** Signature, algorithm, claims and expiry: the full check of a token not seen before. */
  private verifyUncached(token: string): TokenClaims {
    let payload: Record<string, unknown>;
    try {
      payload = this.verifyRaw(token);
    } catch {
      throw new InvalidTokenError('bad signature or malformed token');
    }
    const userId = Number(payload.sub);
    const exp = Number(payload.exp);
    if (
      !Number.isSafeInteger(userId) ||
      userId <= 0 ||
      !Number.isFinite(exp) ||
      typeof payload.jti !== 'string'
    ) {
      throw new InvalidTokenError('missing claims');
    }
    if (exp * 1000 <= this.clock.now()) throw new InvalidTokenError('expired');
    // Frozen because the same object is handed to every request that presents this token.
    return Object.freeze({ userId, jti: payload.jti, expiresAt: exp * 1000 });
  }

  get algorithmName(): string {
    return this.algorithm;
  }
}
