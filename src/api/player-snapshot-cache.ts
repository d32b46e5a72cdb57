import type { SimContext } from '../sim/context.js';
import type { Planet, PlanetId, User } from '../sim/types.js';
import { playerSnapshotParts } from '../sim/views/player.js';
import type { World } from '../sim/world.js';

/**
 * Snapshots kept at once. Every world change empties the cache anyway, so this only bounds the
 * memory of a long quiet spell with many players polling (about 2 KiB each).
 */
const MAX_ENTRIES = 4096;

interface CachedSnapshot {
  /** `{"player":…,"position":…,"resources":` */
  head: string;
  /** `,"buildings":…,"highscore":…,"server_time":` */
  middle: string;
  atTime: ReturnType<typeof playerSnapshotParts>['atTime'];
  /** The last body rendered and its time: polls within the same millisecond get it as is. */
  renderedAt: number;
  rendered: string;
}

/** The members of a JSON object without its braces (`{"a":1}` gives `"a":1`). */
function jsonMembers(value: object): string {
  const json = JSON.stringify(value);
  if (json.length <= 2) throw new Error('a snapshot piece serialized to no members');
  return json.slice(1, -1);
}

/**
 * The JSON body of GET /player/{id}, the hottest read route. Building the snapshot (levels,
 * queues, ship stats, production, ranking) and serializing it cost more than the rest of the
 * request together, yet all of it but `resources` and `server_time` changes only when the world
 * changes. So the state pieces are serialized once per world version (`GameRuntime.version`,
 * bumped by every command, every applied event and a reload) and each request only renders the
 * clock-dependent fields into the cached text. The text is byte for byte what serializing
 * `playerSnapshot` gives (same keys, same order, same JSON.stringify), and it is what the
 * `PlayerSnapshot` schema (contract/player.ts) describes; tests check every body against it.
 */
export class PlayerSnapshotCache {
  private version = -1;
  private world: World | null = null;
  /**
   * By the planet shown: a planet has one owner, so its id names the snapshot (the player's
   * active planet and the same planet named by `?planet_id=` share one entry).
   */
  private readonly entries = new Map<PlanetId, CachedSnapshot>();

  /**
   * The snapshot of `user` showing `planet` (one of the player's, resolved by `planetFor`) as
   * JSON. Must run inside `runtime.read`, after due events were applied, with the runtime's
   * current version, so that a cached piece is never older than the world the request sees.
   */
  render(ctx: SimContext, version: number, user: User, planet: Planet): string {
    if (version !== this.version || ctx.world !== this.world) {
      this.entries.clear();
      this.version = version;
      this.world = ctx.world;
    }
    let entry = this.entries.get(planet.id);
    if (entry === undefined) {
      const { before, after, atTime } = playerSnapshotParts(ctx, user, planet);
      entry = {
        head: `{${jsonMembers(before)},"resources":`,
        middle: `,${jsonMembers(after)},"server_time":`,
        atTime,
        renderedAt: Number.NaN,
        rendered: '',
      };
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(planet.id, entry);
    }
    if (entry.renderedAt === ctx.now) return entry.rendered;
    const { resources, server_time } = entry.atTime(ctx.now);
    entry.rendered = `${entry.head}${JSON.stringify(resources)}${entry.middle}${JSON.stringify(server_time)}}`;
    entry.renderedAt = ctx.now;
    return entry.rendered;
  }
}
