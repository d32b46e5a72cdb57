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
 * Issues and verifies access tokens (JWT with `sub`, `exp`, `iat`, `jti`). Expiry is checked
 * against the injected clock, so tests can move time without waiting.
 */
export class TokenService {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifyRaw: (token: string) => Record<string, unknown>;

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
      cache: 1000,
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
    return { userId, jti: payload.jti, expiresAt: exp * 1000 };
  }

  get algorithmName(): string {
    return this.algorithm;
  }
}
