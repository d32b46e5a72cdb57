// What crosses between the main thread and the embedded store's writer thread (sqlite-thread.ts),
// and the thread's side of it.

import { parentPort } from 'node:worker_threads';
import { errorReply, type WorkerReply, type WorkerRequest } from '../../lib/worker-thread.js';
import type { SqliteSynchronous } from '../sqlite-connection.js';
import type { PackedBatch } from './sqlite-writer.js';

/**
 * `generation` fences batches after a failure: once a batch fails, the thread refuses every
 * batch of the same (or an older) generation, since each was built on the failed one's state.
 */
export type SqliteThreadRequest =
  { type: 'commit'; batch: PackedBatch; generation: number } | { type: 'close' };

/** The embedded store's writer thread is started with this (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

type Request = WorkerRequest<SqliteThreadRequest>;
type Commit = Extract<SqliteThreadRequest, { type: 'commit' }>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the writer thread (the other side of SqliteWriterThread). Batches are written in arrival order;
 * the ones that arrived while the previous write was under way are written together, in one
 * transaction (one fsync for all of them). After a failure, the batches of the same generation
 * are refused unwritten.
 */
export function serveWriter(writer: {
  /** Writes the batches, in order, in one transaction: all of them or none. */
  write(batches: PackedBatch[]): void;
  close(): void;
}): void {
  const port = parentPort;
  if (port === null) throw new Error('serveWriter() must run in a worker thread');
  const queue: Request[] = [];
  let fenced = -1;
  let draining = false;
  const reply = (message: WorkerReply<null>) => port.postMessage(message);

  /** Runs `work` and answers each of `ids` with its outcome; false if it threw. */
  const answer = (ids: number[], work: () => void): boolean => {
    try {
      work();
      for (const id of ids) reply({ id, ok: true, result: null });
      return true;
    } catch (err) {
      for (const id of ids) reply(errorReply(id, err));
      return false;
    }
  };
  const takeCommit = (): { id: number; body: Commit } | undefined => {
    const next = queue[0];
    if (next?.body.type !== 'commit') return undefined;
    queue.shift();
    return { id: next.id, body: next.body };
  };

  const drain = async () => {
    // Messages arrive one event each: a turn of the loop first collects all that are waiting.
    await nextTurn();
    while (queue.length > 0) {
      const head = queue[0] as Request;
      if (head.body.type === 'close') {
        queue.shift();
        answer([head.id], () => writer.close());
        continue;
      }
      // Every commit waiting now, up to a close, goes in one transaction.
      const group: Array<{ id: number; body: Commit }> = [];
      for (let commit = takeCommit(); commit; commit = takeCommit()) {
        // Generations only grow in sending order: the refused ones all come first.
        if (commit.body.generation <= fenced)
          reply(
            errorReply(commit.id, new Error('Not written: an earlier batch of this run failed')),
          );
        else group.push(commit);
      }
      const ids = group.map((g) => g.id);
      if (ids.length > 0 && !answer(ids, () => writer.write(group.map((g) => g.body.batch))))
        fenced = Math.max(...group.map((g) => g.body.generation));
      await nextTurn();
    }
    draining = false;
  };

  port.on('message', (request: Request) => {
    queue.push(request);
    if (!draining) {
      draining = true;
      void drain();
    }
  });
}
