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
export type HoldingKind = 'planet' | 'fleet';

interface Holding {
  ownerId: UserId;
  economy: number;
  military: number;
}

/**
 * Highscores, derived from state: per holding (a planet's buildings, ships and defenses; a
 * fleet's ships) and per player (research), summed per player. Never persisted: rebuilt at load, then kept current from the
 * entities each command and event touches. Rankings are sorted lazily and cached until the
 * next change.
 */
export class Scores {
  // One map per kind, keyed by the entity id: numeric keys hash far faster than "planet:7".
  private readonly holdings: Record<HoldingKind, Map<number, Holding>> = {
    planet: new Map(),
    fleet: new Map(),
  };
  private readonly players = new Map<UserId, PlayerScore>();
  private readonly rankings = new Map<RankingCategory, Ranking>();
  /** Brings the scores up to date with changes noted since the last read (see whenRead). */
  private catchUp: (() => void) | null = null;

  /**
   * Defers pricing the changed entities to the next read: a planet is priced once however often
   * it changed in between, and not on the tick that completed its levels. Every read method
   * below runs `update` first.
   */
  whenRead(update: () => void): void {
    this.catchUp = update;
  }

  private current(): void {
    const update = this.catchUp;
    if (update === null) return;
    this.catchUp = null;
    update();
  }

  get(userId: UserId): PlayerScore | undefined {
    this.current();
    return this.players.get(userId);
  }

  get playerCount(): number {
    this.current();
    return this.players.size;
  }

  clear(): void {
    this.catchUp = null;
    this.holdings.planet.clear();
    this.holdings.fleet.clear();
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

  setHolding(
    kind: HoldingKind,
    id: number,
    ownerId: UserId,
    economy: number,
    military: number,
  ): void {
    const holdings = this.holdings[kind];
    const old = holdings.get(id);
    // Unchanged (e.g. a unit touched without a count change): keep the cached rankings.
    if (old && old.ownerId === ownerId && old.economy === economy && old.military === military)
      return;
    if (old) {
      this.unscore(old);
      old.ownerId = ownerId;
      old.economy = economy;
      old.military = military;
    } else holdings.set(id, { ownerId, economy, military });
    const score = this.ensurePlayer(ownerId);
    score.economy += economy;
    score.military += military;
    this.rankings.clear();
  }

  dropHolding(kind: HoldingKind, id: number): void {
    const holdings = this.holdings[kind];
    const old = holdings.get(id);
    if (!old) return;
    holdings.delete(id);
    this.unscore(old);
  }

  /** Takes a holding's points off its owner's score. */
  private unscore(old: Holding): void {
    const score = this.players.get(old.ownerId);
    if (score) {
      score.economy -= old.economy;
      score.military -= old.military;
    }
    this.rankings.clear();
  }

  /**
   * 1-based ranks of a few players (null for one without a score). From the cached ranking when
   * it is current; otherwise one pass counts who is ahead of each, so a hot read (GET /player,
   * a galaxy system) after a write never pays for sorting every player.
   */
  ranksOf(userIds: readonly UserId[], category: RankingCategory): Map<UserId, number | null> {
    this.current();
    const ranks = new Map<UserId, number | null>();
    const cached = this.rankings.get(category);
    if (cached) {
      for (const id of userIds) ranks.set(id, cached.rank.get(id) ?? null);
      return ranks;
    }
    const targets: Array<{ id: UserId; value: number; ahead: number }> = [];
    for (const id of userIds) {
      const score = this.players.get(id);
      if (score) targets.push({ id, value: scoreOf(score, category), ahead: 0 });
      else ranks.set(id, null);
    }
    if (targets.length > 0) {
      // The same order as ranking(): higher score first, ties to the lower (older) id.
      for (const [id, score] of this.players) {
        const value = scoreOf(score, category);
        for (const t of targets) if (value > t.value || (value === t.value && id < t.id)) t.ahead++;
      }
    }
    for (const t of targets) ranks.set(t.id, t.ahead + 1);
    return ranks;
  }

  rankOf(userId: UserId, category: RankingCategory): number | null {
    return this.ranksOf([userId], category).get(userId) ?? null;
  }

  ranking(category: RankingCategory): Ranking {
    this.current();
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
