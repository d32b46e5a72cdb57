// The web client survives a server restart (issue 12): the page keeps its session, shows the
// link is down, reconnects by itself when the server is back, and catches up with what
// happened meanwhile (?after=<seq> replay) without a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkScreen,
  launchChromium,
  openScreen,
  registerInBrowser,
  restartGame,
  startGame,
} from '../helpers/web.js';

test('the page reconnects after a kill -9 and a restart, and catches up', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  // Slow enough that the building is still under way when the server dies.
  const game = await startGame(t, { ECONOMY_SPEED: '20' });
  const player = await registerInBrowser(browser, game.base, 'survivor');
  const { page } = player;
  const live = page.getByRole('status', { name: 'Live updates: open' });
  await live.waitFor();

  await openScreen(page, 'Buildings');
  const mine = page.getByRole('article', { name: 'Metal Mine', exact: true });
  await mine.getByRole('button', { name: /^Build/ }).click();
  const queued = page.getByRole('list', { name: 'Build queue' }).getByRole('listitem');
  await queued.first().waitFor();

  // kill -9: the page notices, and says so.
  game.process.child.kill('SIGKILL');
  await game.process.exited;
  await live.waitFor({ state: 'detached' });
  await checkScreen(page, 'link-down');
  // The building falls due while the server is down; the restart completes it at start-up.
  await page.waitForTimeout(6000);
  await restartGame(t, game);

  // Back by itself (no reload): live again, and the completion replayed to the page.
  await live.waitFor({ timeout: 40_000 });
  await mine
    .getByText(/level 2/i)
    .first()
    .waitFor({ timeout: 20_000 });
  assert.equal(await queued.count(), 0, 'the queue caught up');
  assert.match(page.url(), /\/play\/buildings/, 'never reloaded or logged out');
  // Only the connection errors of the restart itself (the browser logs a refused WebSocket).
  const unexpected = player.problems.filter(
    (p) => !/WebSocket connection|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p),
  );
  assert.deepEqual(unexpected, []);
});
