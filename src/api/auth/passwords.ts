import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~20 ms per hash here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;
let verifications = 0;

/**
 * How many argon2 verifications have completed in this process. Timing-safe login is tested
 * through it (every login attempt, known user or not, costs exactly one) rather than with
 * wall-clock thresholds, which are flaky.
 */
export function passwordVerifications(): number {
  return verifications;
}

/**
 * Verifies a password. For an unknown user it still verifies against a fixed dummy hash, so
 * the response time does not reveal whether the username exists.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('timing-equaliser-not-a-password');
    try {
      await verify(await dummyHash, password);
      // Counted only once argon2 really ran: a verification that failed at once costs no time.
      verifications++;
    } catch {
      // Never a 500 for a failed login; the counter shows the missing work in tests.
    }
    return false;
  }
  try {
    const ok = await verify(storedHash, password);
    verifications++;
    return ok;
  } catch {
    return false;
  }
}
