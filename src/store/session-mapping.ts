import type { TableName } from '../sim/changes.js';
import type { Session } from '../sim/sessions/registry.js';
import type { World } from '../sim/world.js';
import type { Row } from './tables.js';

const num = (v: unknown): number => Number(v);

type SessionTable = Extract<TableName, 'sessions'>;

function sessionRow(s: Session): Row {
  return {
    id: s.id,
    user_id: s.userId,
    created_at: s.createdAt,
    last_used_at: s.lastUsedAt,
    expires_at: s.expiresAt,
    generation: s.generation,
    revoked_at: s.revokedAt,
  };
}

/** Rows of the session entities (see SERIALIZERS in mapping.ts). */
export const SESSION_SERIALIZERS: Record<
  SessionTable,
  (world: World, key: string | number) => Row[] | null
> = {
  sessions: (w, k) => {
    const session = w.sessions.get(String(k));
    return session ? [sessionRow(session)] : null;
  },
};

export const SESSION_KEY_COLUMNS: Record<SessionTable, (key: string | number) => Row> = {
  sessions: (k) => ({ id: String(k) }),
};

/** Every stored session, and each player's last password change (a column of users). */
export function loadSessions(world: World, rows: { sessions: Row[]; users: Row[] }): void {
  for (const r of rows.sessions) {
    world.sessions.add({
      id: String(r.id),
      userId: num(r.user_id),
      createdAt: num(r.created_at),
      lastUsedAt: num(r.last_used_at),
      expiresAt: num(r.expires_at),
      generation: num(r.generation),
      revokedAt: r.revoked_at === null || r.revoked_at === undefined ? null : num(r.revoked_at),
    });
  }
  for (const r of rows.users) {
    if (r.password_changed_at !== null && r.password_changed_at !== undefined)
      world.sessions.setPasswordChangedAt(num(r.id), num(r.password_changed_at));
  }
}
