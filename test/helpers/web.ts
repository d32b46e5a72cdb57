import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { freePort, spawnServer, storeEnv, waitReady, type ServerProcess } from './process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots of every screen the end-to-end tests visit (kept by CI as artifacts). */
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'web');
export const PASSWORD = 'password123';
export const ADMIN_TOKEN = 'e2e-admin';

let built: string | null = null;

/**
 * The web client built once per test process into its own folder (as `npm run build` does
 * into dist/web), so tests never race another build or a developer's dist/.
 */
export function buildWebClient(): string {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), 'ogame-web-'));
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      out,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, `vite build failed:\n${result.stdout}\n${result.stderr}`);
  built = out;
  return out;
}

/**
 * Short durations from configuration, as the issue asks: buildings, research and flights of a
 * few seconds, so a test watches them complete in real time.
 */
export const FAST_GAME = {
  ECONOMY_SPEED: '50',
  RESEARCH_SPEED: '50',
  FLEET_SPEED: '400',
  // A small universe: every homeworld a short flight from the others.
  GALAXY_COUNT: '1',
  SYSTEMS_PER_GALAXY: '12',
  MAX_PLAYERS: '32',
  JWT_SECRET: 'e2e-secret-that-survives-restarts',
  COLONIZATION_TIME_SECONDS: '1',
  ADMIN_TOKEN,
  LOG_LEVEL: 'warn',
};

export interface GameServer {
  process: ServerProcess;
  base: string;
  env: Record<string, string>;
}

/** A real server process (embedded store in a temporary folder) serving the built client. */
export async function startGame(
  t: TestContext,
  extra: Record<string, string> = {},
): Promise<GameServer> {
  const env = {
    ...(await storeEnv(t, 'embedded')),
    ...FAST_GAME,
    WEB_DIR: buildWebClient(),
    ...extra,
  };
  const port = await freePort();
  const server = spawnServer(t, env, port);
  await waitReady(server);
  return { process: server, base: server.base, env };
}

/** Starts the same store again on the same port (after a stop or a kill). */
export async function restartGame(t: TestContext, game: GameServer): Promise<GameServer> {
  const server = spawnServer(t, game.env, game.process.port);
  await waitReady(server);
  return { ...game, process: server };
}

export interface Player {
  page: Page;
  context: BrowserContext;
  username: string;
  userId: number;
  /** Console errors and warnings and page errors seen so far (must stay empty). */
  problems: string[];
}

/** A browser context with a page whose console errors and warnings are collected. */
export async function openPage(
  browser: Browser,
  width = 1200,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  return { context, page, problems };
}

export function watch(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

// Evaluated in the page (as text: this file is typed for Node, not the DOM).
const KEPT_SESSION = "JSON.parse(localStorage.getItem('ogame.session') ?? '{}')";

/** Registers through the page, as a newcomer does, and waits for the overview. */
export async function registerInBrowser(
  browser: Browser,
  base: string,
  username: string,
  width = 1200,
): Promise<Player> {
  const { context, page, problems } = await openPage(browser, width);
  await page.goto(`${base}/`);
  await page.getByRole('tab', { name: 'Register' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and play' }).click();
  await page.getByRole('heading', { level: 1, name: /^Overview/ }).waitFor();
  const userId = Number(await page.evaluate(KEPT_SESSION + '.userId'));
  return { page, context, username, userId, problems };
}

/** The player's token, for setting the scene through the API (not what the test checks). */
export async function tokenOf(page: Page): Promise<string> {
  return String(await page.evaluate(KEPT_SESSION + '.accessToken'));
}

/** An operator correction (resources, levels, units) to set the scene quickly. */
export async function adminPatchPlanet(
  base: string,
  planetId: number,
  body: object,
): Promise<void> {
  const res = await fetch(`${base}/admin/planets/${planetId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.text());
}

export async function planetsOf(base: string, token: string, userId: number) {
  const res = await fetch(`${base}/player/${userId}/planets`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (
    (await res.json()) as {
      planets: { id: number; name: string; galaxy: number; system: number; position: number }[];
    }
  ).planets;
}

/** A resource amount as the resource bar shows it ("1,234" is 1234): `amount(page, 'res-metal')`. */
export async function amount(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));
}

/** Saves the page as test-artifacts/web/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeText: string | null = null;
const axeSource = () => (axeText ??= readFileSync(AXE_PATH, 'utf8'));

/** axe-core's serious and critical violations on the page as it is now (must be none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's CSP (kept on in tests) refuses inline scripts.
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(axeSource());
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

/** Screenshot and accessibility check of a screen, both at once: the per-screen ritual. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
}

/** Opens a screen from the navigation (as a player does, no reload). */
export async function openScreen(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Screens' });
  // The Messages link also carries the unread badge ("Messages 3 unread").
  await nav.getByRole('link', { name: new RegExp(`^${label}\\b`) }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: label }).first().waitFor();
}

export { launchChromium, freePort };
