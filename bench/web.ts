// The web client's weight and first render (issue 12's targets: JS + CSS of /play <= 120 KB
// gzip, first render on loopback <= 1 s in headless Chromium), against the compiled server
// serving the production build (`npm run build` writes dist/web). Runs alone:
// `node --import tsx bench/web.ts`.
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import { median } from './fixtures.js';
import { startServerProcess } from './server-process.js';

export interface WebBenchResult {
  /** JS + CSS the login page loads, gzip -9 (what a compressing proxy sends). */
  loginGzipKiB: number;
  /** JS + CSS of a logged-in player's overview. */
  overviewGzipKiB: number;
  /** Every screen's code (all lazy chunks loaded), for comparison. */
  allScreensGzipKiB: number;
  /** Navigation start to the login form on screen, median of the runs (fresh context each). */
  loginFirstRenderMs: number;
  /** Navigation start to a logged-in overview with its data (session kept from before). */
  overviewFirstRenderMs: number;
  runs: number;
}

const RUNS = 9;
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Loads a page and sums the gzip size of every script and stylesheet it fetched. */
async function weigh(page: Page, go: () => Promise<void>): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const record = (response: Response) => {
    const type = response.request().resourceType();
    // A body still unread when the page closes is not counted (and must not crash the run).
    if (type === 'script' || type === 'stylesheet')
      bodies.push(response.body().catch(() => Buffer.alloc(0)));
  };
  page.on('response', record);
  await go();
  page.off('response', record);
  let total = 0;
  for (const body of await Promise.all(bodies)) total += gzipSync(body, { level: 9 }).length;
  return total;
}

async function session(url: string, name: string) {
  const json = { 'content-type': 'application/json' };
  const password = 'password123';
  await fetch(`${url}/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: name, email: `${name}@example.com`, password }),
  });
  const login = (await (
    await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: name, password }),
    })
  ).json()) as { access_token: string; refresh_token: string; user_id: number };
  return {
    accessToken: login.access_token,
    refreshToken: login.refresh_token,
    userId: login.user_id,
  };
}

/** A script that puts a kept session in the page's storage before the client starts. */
const keepSession = (kept: object) => ({
  content: `localStorage.setItem('ogame.session', ${JSON.stringify(JSON.stringify(kept))})`,
});

async function timeRender(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
  kept: object | null,
): Promise<number> {
  const context = await browser.newContext();
  if (kept) await context.addInitScript(keepSession(kept));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  // Evaluated in the page (as text: this file is typed for Node, not the DOM).
  const ms = (await page.evaluate('performance.now()')) as number;
  await context.close();
  return ms;
}

export async function runWebBench(): Promise<WebBenchResult> {
  const server = await startServerProcess({ STORAGE: 'memory' });
  const browser = await launchBrowser();
  try {
    const play = `${server.url}/play/`;
    const kept = await session(server.url, 'weigher');
    const loginReady = (page: Page) =>
      page.getByRole('button', { name: 'Log in' }).first().waitFor();
    const overviewReady = (page: Page) =>
      page.getByRole('heading', { level: 1, name: /^Overview · / }).waitFor();

    const fresh = await browser.newContext();
    const loginGzip = await weigh(await fresh.newPage(), async () => {
      const page = fresh.pages()[0]!;
      await page.goto(play);
      await loginReady(page);
    });
    await fresh.close();

    const player = await browser.newContext();
    await player.addInitScript(keepSession(kept));
    const page = await player.newPage();
    const overviewGzip = await weigh(page, async () => {
      await page.goto(play);
      await overviewReady(page);
    });
    const allGzip = await weigh(page, async () => {
      for (const link of await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('link')
        .all()) {
        await link.click();
        await page.waitForLoadState('networkidle');
      }
    });
    await player.close();

    const login: number[] = [];
    const overview: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      login.push(await timeRender(browser, play, loginReady, null));
      overview.push(await timeRender(browser, play, overviewReady, kept));
    }
    return {
      loginGzipKiB: kib(loginGzip),
      overviewGzipKiB: kib(overviewGzip),
      allScreensGzipKiB: kib(overviewGzip + allGzip),
      loginFirstRenderMs: Math.round(median(login)),
      overviewFirstRenderMs: Math.round(median(overview)),
      runs: RUNS,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runWebBench());
}
