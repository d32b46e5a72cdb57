// Resource amounts and small counting helpers shared by the ledger and its checks.

export type Kind = 'metal' | 'crystal' | 'deuterium';
export const KINDS: readonly Kind[] = ['metal', 'crystal', 'deuterium'];
export type Amounts = Record<Kind, number>;

export const zero = (): Amounts => ({ metal: 0, crystal: 0, deuterium: 0 });

export const inc = (m: Map<string, number>, key: string, by = 1) =>
  m.set(key, (m.get(key) ?? 0) + by);
