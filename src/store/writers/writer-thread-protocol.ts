// What crosses between the main thread and a store's writer thread (writer-thread.ts), and the
// thread's side of it.

import { parentPort } from 'node:worker_threads';
import { errorReply, type WorkerReply, type WorkerRequest } from '../../lib/worker-thread.js';
import type { SqliteSynchronous } from '../sqlite-connection.js';

/**
 * `generation` fences batches after a failure: once a batch fails, the thread refuses every
 * batch of the same (or an older) generation, since each was built on the failed one's state.
 */
export type WriterRequest<Batch> =
  { type: 'commit'; batch: Batch; generation: number } | { type: 'close' };

/** The embedded store's writer thread is started with this (its `workerData`). */
export interface SqliteThreadConfig {
  path: string;
  synchronous: SqliteSynchronous;
}

type Request<Batch> = WorkerRequest<WriterRequest<Batch>>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a writer thread (the other side of WriterThread). Batches are written in arrival order;
 * the ones that arrived while the previous write was under way are written together, in one
 * transaction (one fsync for all of them). After a failure, the batches of the same generation
 * are refused unwritten.
 */
export function serveWriter<Batch>(writer: {
  /** Writes the batches, in order, in one transaction: all of them or none. */
  write(batches: Batch[]): void | Promise<void>;
  close(): void | Promise<void>;
}): void {
  const port = parentPort;
  if (port === null) throw new Error('serveWriter() must run in a worker thread');
  const queue: Array<Request<Batch>> = [];
  let fenced = -1;
  let draining = false;
  const reply = (message: WorkerReply<null>) => port.postMessage(message);

  const drain = async () => {
    // Messages arrive one event each: a turn of the loop first collects all that are waiting.
    await nextTurn();
    while (queue.length > 0) {
      const head = queue[0] as Request<Batch>;
      if (head.body.type === 'close') {
        queue.shift();
        try {
          await writer.close();
          reply({ id: head.id, ok: true, result: null });
        } catch (err) {
          reply(errorReply(head.id, err));
        }
        continue;
      }
      const group: Array<{ id: number; batch: Batch; generation: number }> = [];
      while (queue[0]?.body.type === 'commit') {
        const { id, body } = queue.shift() as Request<Batch> & {
          body: { type: 'commit'; batch: Batch; generation: number };
        };
        // Generations only grow in sending order: the refused ones all come first.
        if (body.generation <= fenced)
          reply(errorReply(id, new Error('Not written: an earlier batch of this run failed')));
        else group.push({ id, batch: body.batch, generation: body.generation });
      }
      if (group.length === 0) continue;
      try {
        await writer.write(group.map((g) => g.batch));
        for (const g of group) reply({ id: g.id, ok: true, result: null });
      } catch (err) {
        fenced = Math.max(...group.map((g) => g.generation));
        for (const g of group) reply(errorReply(g.id, err));
      }
      await nextTurn();
    }
    draining = false;
  };

  port.on('message', (request: Request<Batch>) => {
    queue.push(request);
    if (!draining) {
      draining = true;
      void drain();
    }
  });
}
