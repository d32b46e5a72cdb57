import type { ChangeSet } from '../sim/changes.js';
import type { Command, SimContext } from '../sim/context.js';
import { DomainError, unavailable } from '../sim/errors.js';
import { storedReply } from '../store/histories.js';
import type { GameRuntime } from './game.js';

/** Whose key it is, the key, and what the request said (method, route, input), hashed. */
export interface Claim {
  scope: string;
  key: string;
  fingerprint: string;
}

/** A command's answer as sent: the status and the serialized body. */
export interface Reply {
  status: number;
  body: string;
}

/** What to answer: a fresh command's body as an object, a replayed one as the text kept. */
export type Outcome<B> =
  { replayed: false; status: number; body: B } | { replayed: true; status: number; body: string };

interface Entry {
  fingerprint: string;
  reply: Promise<Reply>;
  /** When its commit ended (Infinity while it is pending). */
  settledAt: number;
}

interface PendingEntry extends Entry {
  kept: Reply;
  resolve(reply: Reply): void;
  reject(err: unknown): void;
}

/**
 * How long a committed reply stays in memory besides the store: far longer than a store read,
 * so a request whose store lookup missed the original's commit still finds it here.
 */
const RECENT_MS = 30_000;

/** Every command route answers 200 when its command ran. */
const OK = 200;

const reused = () =>
  new DomainError(
    'unprocessable',
    'idempotency_key_reused',
    'This Idempotency-Key was sent with another request; use a new key for a new action.',
    { loc: ['header', 'idempotency-key'] },
  );

/**
 * Exactly-once commands. A command sent with an Idempotency-Key writes its reply under the key
 * in its own commit (so both are durable together, or neither is); a retry with the key gets
 * that reply back and runs nothing, also after a restart; the key with another request is a
 * 422. Replies live in the store (their number grows with play, not with players) and, for a
 * short while, in memory: the commands still committing and the ones just committed, so a
 * retry that arrives while the original is in flight waits for its answer.
 *
 * Only commands that ran are kept: a rejected one changed nothing, so its retry runs again.
 */
export class IdempotencyLedger {
  private readonly recent = new Map<string, Entry>();

  /**
   * `maxWaiting`: commands waiting for the writer beyond which a new one is refused with 503
   * and Retry-After (nothing applied) instead of queueing without bound.
   */
  constructor(
    private readonly runtime: GameRuntime,
    private readonly ttlMs: number,
    private readonly maxWaiting = Infinity,
  ) {}

  /**
   * Runs `command` and renders its reply on the state it left (in its context, before its
   * commit; `render` must not change state), or replays the kept reply of `claim`. A `render`
   * that throws fails the request after the command's effects are committed, and nothing is
   * kept. The caller has already looked for `claim` with `find` (the API does, before the
   * route's own checks); only memory is asked again here, where an original that started or
   * committed since then is (committed replies stay there far longer than a store read takes).
   */
  async run<I, O, B>(
    command: Command<I, O>,
    input: I,
    render: (result: O, ctx: SimContext) => B,
    claim: Claim | null,
  ): Promise<Outcome<B>> {
    const prior = claim === null ? null : this.inMemory(claim);
    if (prior) return { ...(await prior), replayed: true };
    if (this.runtime.commandsWaiting >= this.maxWaiting) {
      throw unavailable(
        'overloaded',
        'Too many commands are waiting for the database; nothing was done. Retry shortly.',
        { retryAfter: 1 },
      );
    }
    let body: { value: B } | null = null;
    let failure: unknown = null;
    let entry: PendingEntry | null = null;
    const keep = (result: O, changes: ChangeSet, ctx: SimContext) => {
      try {
        body = { value: render(result, ctx) };
      } catch (err) {
        failure = err;
        return;
      }
      if (claim !== null)
        entry = this.record(claim, { status: OK, body: JSON.stringify(body.value) }, changes);
    };
    try {
      await this.runtime.execute(command, input, keep);
    } catch (err) {
      if (entry) this.forget(claim as Claim, entry, err);
      throw err;
    }
    if (failure !== null) throw failure;
    if (entry) this.settle(entry);
    return { replayed: false, status: OK, body: (body as unknown as { value: B }).value };
  }

  /**
   * The reply kept for `claim` (waiting for it while its command commits), or null; throws the
   * 422 when the key was used for another request.
   */
  async find(claim: Claim): Promise<Reply | null> {
    const prior = this.inMemory(claim) ?? (await this.inStore(claim)) ?? this.inMemory(claim);
    return prior ? await prior : null;
  }

  /** Drops the replies older than the time to live (the periodic housekeeping). */
  prune(): Promise<void> {
    const cutoff = this.runtime.now() - this.ttlMs;
    return this.runtime.execute(pruneReplies, cutoff).then(() => this.sweep(this.runtime.now()));
  }

  private id(claim: Claim): string {
    return `${claim.scope} ${claim.key}`;
  }

  private inMemory(claim: Claim): Promise<Reply> | null {
    const entry = this.recent.get(this.id(claim));
    if (!entry) return null;
    if (entry.fingerprint !== claim.fingerprint) throw reused();
    return entry.reply;
  }

  private async inStore(claim: Claim): Promise<Promise<Reply> | null> {
    const since = this.runtime.now() - this.ttlMs;
    let row;
    try {
      row = await this.runtime.store.readPrimary((db) =>
        storedReply(db, claim.scope, claim.key, since),
      );
    } catch {
      throw unavailable(
        'unavailable',
        'The game database is unavailable; nothing was done. Retry shortly with the same key.',
      );
    }
    if (row === null) return null;
    if (row.fingerprint !== claim.fingerprint) throw reused();
    return Promise.resolve({ status: row.status, body: row.body });
  }

  private record(claim: Claim, reply: Reply, changes: ChangeSet): PendingEntry {
    const now = this.runtime.now();
    changes.insert('idempotency_keys', {
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      status: reply.status,
      body: reply.body,
      created_at: now,
    });
    let resolve!: (r: Reply) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Reply>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // A retry waiting on it sees the failure; without one it must not count as unhandled.
    promise.catch(() => undefined);
    const entry: PendingEntry = {
      fingerprint: claim.fingerprint,
      reply: promise,
      settledAt: Infinity,
      kept: reply,
      resolve,
      reject,
    };
    this.sweep(now);
    this.recent.set(this.id(claim), entry);
    return entry;
  }

  private settle(entry: PendingEntry): void {
    entry.settledAt = this.runtime.now();
    entry.resolve(entry.kept);
  }

  /** The commit failed: nothing was applied, so a retry must run the command again. */
  private forget(claim: Claim, entry: PendingEntry, err: unknown): void {
    entry.reject(err);
    if (this.recent.get(this.id(claim)) === entry) this.recent.delete(this.id(claim));
  }

  /** Drops the entries committed more than RECENT_MS ago (oldest first, in insertion order). */
  private sweep(now: number): void {
    for (const [id, entry] of this.recent) {
      if (entry.settledAt + RECENT_MS > now) break;
      this.recent.delete(id);
    }
  }
}

/** The retention of kept replies: every one created before `cutoff` goes. */
const pruneReplies: Command<number, void> = (ctx, cutoff) => {
  ctx.changes.deleteBelow('idempotency_keys', 'created_at', cutoff);
};
