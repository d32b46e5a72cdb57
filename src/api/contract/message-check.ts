import type { ValidateFunction } from 'ajv';
import { contractAjv } from '../validation.js';
import { SERVER_MESSAGES } from './messages.js';

/**
 * Checks every message the WebSocket gateway sends against its schema (tests build their
 * servers with it, next to the HTTP response checker): an unknown `type`, a field the contract
 * does not describe or a field of the wrong type is recorded in `violations` (the HTTP
 * checker's list, so the test helper fails the test).
 */
export function wsMessageChecker(violations: string[]): (text: string) => void {
  const ajv = contractAjv({ allErrors: true, coerceTypes: false });
  const byType = new Map<string, ValidateFunction>();
  for (const m of SERVER_MESSAGES) byType.set(m.type, ajv.compile({ $ref: m.id }));
  const union = ajv.compile({ $ref: 'ServerMessage' });
  return (text) => {
    const shown = text.slice(0, 500);
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      violations.push(`WS /ws: a message is not JSON (${shown})`);
      return;
    }
    const type = (message as { type?: unknown } | null)?.type;
    const validate = typeof type === 'string' ? byType.get(type) : undefined;
    if (!validate) {
      violations.push(`WS /ws: type ${JSON.stringify(type)} is not in the contract (${shown})`);
      return;
    }
    if (validate(message) && union(message)) return;
    const problems = (validate.errors ?? union.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
      .join('; ');
    violations.push(`WS /ws ${type}: ${problems} (${shown})`);
  };
}
