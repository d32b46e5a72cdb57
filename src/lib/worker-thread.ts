import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

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
