import type { PlainRow } from '../changes.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const parsePayload = (text: unknown): unknown => {
  try {
    return JSON.parse(String(text));
  } catch {
    // A payload is always written as JSON; anything else is shown as stored rather than lost.
    return text;
  }
};

const msOrNull = (v: PlainRow[string] | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** A stored notification row as the API shows it (GET list items and the WebSocket event). */
export function notificationView(row: PlainRow) {
  return notificationViewWithPayload(row, parsePayload(row.payload));
}

/** The same view for a row whose payload is at hand as an object (no JSON to parse back). */
export function notificationViewWithPayload(row: PlainRow, payload: unknown) {
  return {
    id: Number(row.id),
    user_id: Number(row.user_id),
    type: String(row.type),
    payload,
    priority: String(row.priority),
    created_at: iso(Number(row.created_at)),
    read_at: iso(msOrNull(row.read_at)),
  };
}
