import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from './postgres.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

/** A port that was free a moment ago (the child binds it itself, so PORT=0 is not needed). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Starts `src/main.ts` in a real child process (the same entry point as `npm start`), or
 * `command` (`npm start` itself), with the given environment on a fixed port. The process is
 * killed when the test ends.
 */
export function spawnServer(
  t: TestContext,
  env: Record<string, string>,
  port: number,
  options: { args?: string[]; prefix?: string[]; command?: string[] } = {},
): ServerProcess {
  const command = [
    ...(options.prefix ?? []),
    ...(options.command ?? [process.execPath, '--import', 'tsx', 'src/main.ts']),
    ...(options.args ?? []),
  ];
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  // 'close', not 'exit': it comes after the process's stdout and stderr are drained, so the
  // output read once a test awaits `exited` is complete.
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited.then(() => undefined);
  });
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Polls GET /healthz until it answers 200; fails at once if the process exits first. */
export async function waitReady(p: ServerProcess, timeoutMs = READY_TIMEOUT_MS): Promise<number> {
  const started = Date.now();
  let exit: number | string | null = null;
  void p.exited.then((code) => (exit = code));
  for (;;) {
    if (exit !== null)
      throw new Error(`server exited with ${exit} before it was ready:\n${p.output()}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`server not ready in time:\n${p.output()}`);
    try {
      const res = await fetch(`${p.base}/healthz`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

export async function postJson(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getJson(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The environment of one persistent store: a temp DATA_DIR, or a fresh PostgreSQL database. */
export async function storeEnv(
  t: TestContext,
  kind: 'embedded' | 'postgres',
): Promise<Record<string, string>> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'ogame-restart-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return { STORAGE: 'embedded', DATA_DIR: dir };
  }
  const db = await createTestDatabase();
  t.after(() => db.drop());
  return { ENABLE_DB: 'true', DATABASE_URL: db.url };
}
