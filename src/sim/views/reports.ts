// Stored report rows as the specification's report objects (§2.6).

type Row = Record<string, string | number | null>;

const num = (v: unknown): number => Number(v);

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return null;
  }
}

function reportBase(row: Row) {
  return {
    id: num(row.id),
    created_at: new Date(num(row.created_at)).toISOString(),
    attacker_user_id: num(row.attacker_user_id),
    defender_user_id: num(row.defender_user_id),
    location: { galaxy: num(row.galaxy), system: num(row.system), planet: num(row.position) },
    fleet_id: num(row.fleet_id),
  };
}

export function battleReportView(row: Row) {
  return { ...reportBase(row), seed: num(row.seed), outcome: parseJson(row.outcome) };
}

export function espionageReportView(row: Row) {
  return { ...reportBase(row), snapshot: parseJson(row.snapshot) };
}
