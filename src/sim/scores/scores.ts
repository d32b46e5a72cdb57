import type { UserId } from '../types.js';

export type ScoreCategory = 'economy' | 'research' | 'military';
export type RankingCategory = 'total' | ScoreCategory;
export const RANKING_CATEGORIES: readonly RankingCategory[] = [
  'total',
  'economy',
  'research',
  'military',
];

/** Resources a player has spent, by category (points are these / 1000). */
export interface PlayerScore {
  economy: number;
  research: number;
  military: number;
}

export interface Ranking {
  /** Players, best first (ties: the older account first). */
  order: UserId[];
  /** 1-based rank of each player. */
  rank: Map<UserId, number>;
}

export const scoreOf = (s: PlayerScore, category: RankingCategory): number =>
  category === 'total' ? s.economy + s.research + s.military : s[category];

/** What a player owns that scores: a planet or a fleet away from home. */
export type HoldingKey = `planet:${number}` | `fleet:${number}`;

/**
 * Highscores, derived from state: per holding (a planet's buildings, ships and defenses; a
 * fleet's ships) and per player (research), summed per player. Never persisted: rebuilt at load, then kept current from the
 * entities each command and event touches. Rankings are sorted lazily and cached until the
 * next change.
 */
export class Scores {
  private readonly holdings = new Map<
    HoldingKey,
    { ownerId: UserId; economy: number; military: number }
  >();
  private readonly players = new Map<UserId, PlayerScore>();
  private readonly rankings = new Map<RankingCategory, Ranking>();

  get(userId: UserId): PlayerScore | undefined {
    return this.players.get(userId);
  }

  get playerCount(): number {
    return this.players.size;
  }

  clear(): void {
    this.holdings.clear();
    this.players.clear();
    this.rankings.clear();
  }

  ensurePlayer(userId: UserId): PlayerScore {
    let score = this.players.get(userId);
    if (!score) {
      this.players.set(userId, (score = { economy: 0, research: 0, military: 0 }));
      this.rankings.clear();
    }
    return score;
  }

  dropPlayer(userId: UserId): void {
    if (this.players.delete(userId)) this.rankings.clear();
  }

  setResearch(userId: UserId, spent: number): void {
    const score = this.ensurePlayer(userId);
    if (score.research === spent) return;
    score.research = spent;
    this.rankings.clear();
  }

  setHolding(key: HoldingKey, ownerId: UserId, economy: number, military: number): void {
    const old = this.holdings.get(key);
    // Unchanged (e.g. a unit touched without a count change): keep the cached rankings.
    if (old && old.ownerId === ownerId && old.economy === economy && old.military === military)
      return;
    this.dropHolding(key);
    this.holdings.set(key, { ownerId, economy, military });
    const score = this.ensurePlayer(ownerId);
    score.economy += economy;
    score.military += military;
    this.rankings.clear();
  }

  dropHolding(key: HoldingKey): void {
    const old = this.holdings.get(key);
    if (!old) return;
    this.holdings.delete(key);
    const score = this.players.get(old.ownerId);
    if (score) {
      score.economy -= old.economy;
      score.military -= old.military;
    }
    this.rankings.clear();
  }

  ranking(category: RankingCategory): Ranking {
    let ranking = this.rankings.get(category);
    if (!ranking) {
      const entries = [...this.players].map(([id, s]) => ({ id, value: scoreOf(s, category) }));
      entries.sort((a, b) => b.value - a.value || a.id - b.id);
      const order = entries.map((e) => e.id);
      ranking = { order, rank: new Map(order.map((id, i) => [id, i + 1])) };
      this.rankings.set(category, ranking);
    }
    return ranking;
  }
}
