import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits next to `importerUrl` (pass `import.meta.url`):
 * `name.js` in the compiled build, `name.ts` when the app runs from TypeScript sources under
 * tsx. Node 20 does not run `--import` preloads in worker threads, so tsx's loader, though
 * present in the inherited execArgv, is not active there; a tiny bootstrap registers it through
 * tsx's API first and then imports the `.ts` module.
 */
export function startModuleWorker(
  importerUrl: string,
  name: string,
  options: Pick<WorkerOptions, 'workerData'> = {},
): Worker {
  const entry = new URL(`./${name}${extname(fileURLToPath(importerUrl))}`, importerUrl);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** A request to a worker thread and its answer, matched by `id`. */
export interface WorkerRequest<Body> {
  id: number;
  body: Body;
}

export type WorkerReply<Result> =
  | { id: number; ok: true; result: Result }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };

interface Pending<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
}

/**
 * Requests to one lazily started worker thread (see serveRequests for the other side). The
 * thread is started by the first request and unref'ed while idle, so it never keeps the process
 * alive by itself. A thread that dies fails its pending requests; the next request starts a
 * fresh one.
 */
export class WorkerClient<Body, Result> {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending<Result>>();
  #nextId = 1;

  constructor(
    private readonly start: () => Worker,
    private readonly label: string,
  ) {}

  get started(): boolean {
    return this.#worker !== undefined;
  }

  request(body: Body): Promise<Result> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      const request: WorkerRequest<Body> = { id, body };
      worker.postMessage(request);
    });
  }

  /** Stops the thread at once; requests still pending are rejected with `reason`. */
  async terminate(reason: string): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) await worker.terminate();
    this.#failAll(new Error(reason));
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = this.start();
    worker.on('message', (reply: WorkerReply<Result>) => this.#settle(reply));
    worker.on('error', (err) => this.#crashed(worker, err));
    worker.on('exit', (code) => this.#crashed(worker, new Error(`${this.label} exited (${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: WorkerReply<Result>): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
  }

  #crashed(worker: Worker, error: Error): void {
    if (this.#worker === worker) this.#worker = undefined;
    this.#failAll(error);
  }

  #failAll(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}

/** The reply that carries `err` (its name, message and any string `code`) back to the caller. */
export function errorReply(id: number, err: unknown): WorkerReply<never> {
  const error = err instanceof Error ? err : new Error(String(err));
  const code = (error as { code?: unknown }).code;
  return {
    id,
    ok: false,
    error: {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
    },
  };
}

/**
 * The worker side of WorkerClient: answers each request with `handle(body)` or with the error
 * it throws, in the order the requests arrive.
 */
export function serveRequests<Body, Result>(handle: (body: Body) => Result): void {
  const port = parentPort;
  if (port === null) throw new Error('serveRequests() must run in a worker thread');
  port.on('message', ({ id, body }: WorkerRequest<Body>) => {
    let reply: WorkerReply<Result>;
    try {
      reply = { id, ok: true, result: handle(body) };
    } catch (err) {
      reply = errorReply(id, err);
    }
    port.postMessage(reply);
  });
}
