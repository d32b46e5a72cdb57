import type { SimContext } from '../context.js';
import { activityView } from '../players/activity.js';
import { toPoints } from '../scores/points.js';
import { scoreOf, type RankingCategory } from '../scores/scores.js';
import type { UserId } from '../types.js';

type ViewContext = Pick<SimContext, 'world' | 'now'>;

export interface HighscoreQuery {
  category: RankingCategory;
  limit: number;
  offset: number;
}

/** GET /highscore: one page of a category's ranking, with each player's activity marker. */
export function highscoreView(ctx: ViewContext, q: HighscoreQuery) {
  const { world } = ctx;
  const ranking = world.scores.ranking(q.category);
  const entries = ranking.order.slice(q.offset, q.offset + q.limit).map((userId, i) => {
    const score = world.scores.get(userId);
    return {
      rank: q.offset + i + 1,
      user_id: userId,
      player: world.users.get(userId)?.username ?? null,
      points: score ? toPoints(scoreOf(score, q.category)) : 0,
      ...activityView(world, userId, ctx.now),
    };
  });
  return {
    category: q.category,
    total_players: ranking.order.length,
    limit: q.limit,
    offset: q.offset,
    entries,
  };
}

/**
 * The player's place for the snapshot: overall rank and points, plus points per category (only
 * the overall ranking is sorted here, to keep GET /player cheap while scores change every tick).
 */
export function playerRanking(ctx: ViewContext, userId: UserId) {
  const { scores } = ctx.world;
  const score = scores.get(userId) ?? { economy: 0, research: 0, military: 0 };
  return {
    rank: scores.rankOf(userId, 'total'),
    players: scores.playerCount,
    points: toPoints(scoreOf(score, 'total')),
    economy: toPoints(score.economy),
    research: toPoints(score.research),
    military: toPoints(score.military),
  };
}
