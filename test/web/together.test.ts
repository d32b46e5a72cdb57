// The web client end to end with two players and two tabs (issue 12): an offer created in one
// browser context is accepted in another and both see the trade; one player's two tabs each
// act on their own planet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  adminPatchPlanet,
  amount,
  checkScreen,
  launchChromium,
  openScreen,
  planetsOf,
  registerInBrowser,
  startGame,
  tokenOf,
  watch,
} from '../helpers/web.js';

test('two players trade on the market, each in a browser context of their own', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const game = await startGame(t, { ECONOMY_SPEED: '1' });
  const seller = await registerInBrowser(browser, game.base, 'seller');
  const buyer = await registerInBrowser(browser, game.base, 'buyer');
  for (const player of [seller, buyer]) {
    const [home] = await planetsOf(game.base, await tokenOf(player.page), player.userId);
    assert.ok(home);
    await adminPatchPlanet(game.base, home.id, {
      resources: { metal: 50_000, crystal: 50_000, deuterium: 10_000 },
    });
    await player.page.reload();
  }

  // The buyer watches the market before the offer exists: it appears by itself.
  await openScreen(buyer.page, 'Market');
  await openScreen(seller.page, 'Market');
  const form = seller.page.getByRole('form', { name: 'Create offer' });
  await form.getByLabel('Offer').selectOption('metal');
  await form.getByLabel('Amount').fill('10000');
  await form.getByLabel('For').selectOption('crystal');
  await form.getByLabel('Price').fill('5000');
  await form.getByRole('button', { name: 'Create offer' }).click();
  const own = seller.page
    .getByRole('table', { name: 'Open offers' })
    .getByRole('button', { name: /^Cancel offer/ });
  await own.first().waitFor();
  const offerId = Number((await own.first().getAttribute('aria-label'))?.replace(/\D/g, ''));
  assert.ok(offerId > 0);
  // The escrow left the seller's planet at once.
  assert.ok((await amount(seller.page, 'res-metal')) <= 40_000);
  await checkScreen(seller.page, 'market');

  await buyer.page.getByRole('button', { name: `Accept offer ${offerId}` }).waitFor();
  const crystalBefore = await amount(buyer.page, 'res-crystal');
  await buyer.page.getByRole('button', { name: `Accept offer ${offerId}` }).click();
  await buyer.page.getByRole('table', { name: 'Trade history' }).getByRole('row').nth(1).waitFor();
  // Paid for at once: the price left the buyer's planet.
  for (let i = 0; (await amount(buyer.page, 'res-crystal')) > crystalBefore - 5000; i++) {
    assert.ok(i < 50, 'the price was paid');
    await buyer.page.waitForTimeout(100);
  }
  assert.ok((await amount(buyer.page, 'res-metal')) >= 55_000, 'the buyer received the metal');

  // The seller is told over the WebSocket: the trade shows up without a reload.
  await seller.page.getByRole('table', { name: 'Trade history' }).getByRole('row').nth(1).waitFor();
  await seller.page
    .getByRole('table', { name: 'Open offers' })
    .getByRole('button', { name: `Cancel offer ${offerId}` })
    .waitFor({ state: 'detached' });
  await checkScreen(seller.page, 'market-after-trade');
  assert.deepEqual([...seller.problems, ...buyer.problems], []);
});

test("one player's two tabs each play their own planet", async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const game = await startGame(t, { ECONOMY_SPEED: '1' });
  const player = await registerInBrowser(browser, game.base, 'twotabs');
  const token = await tokenOf(player.page);
  const [home] = await planetsOf(game.base, token, player.userId);
  assert.ok(home);

  // A second planet, colonized through the API (the loop test colonizes through the screens).
  await adminPatchPlanet(game.base, home.id, {
    resources: { metal: 100_000, crystal: 100_000, deuterium: 100_000 },
    ships: { colony_ship: 1 },
  });
  const system = (await (
    await fetch(`${game.base}/galaxy/${home.galaxy}/${home.system}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as {
    positions: { position: number; planet: unknown }[];
  };
  const free = system.positions.find((p) => p.planet === null);
  assert.ok(free);
  const dispatch = await fetch(`${game.base}/player/${player.userId}/fleet/dispatch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      planet_id: home.id,
      mission: 'colonize',
      ships: { colony_ship: 1 },
      galaxy: home.galaxy,
      system: home.system,
      position: free.position,
    }),
  });
  assert.equal(dispatch.status, 200, await dispatch.text());
  // The new planet appears in the switcher by itself (colony_founded over the WebSocket).
  const options = player.page.getByRole('combobox', { name: 'Planet' }).locator('option');
  await options.nth(1).waitFor({ state: 'attached', timeout: 30_000 });
  const planets = await planetsOf(game.base, token, player.userId);
  const colony = planets.find((p) => p.id !== home.id);
  assert.ok(colony);

  // Tab one on the homeworld, tab two switched to the colony with the planet switcher.
  const first = player.page;
  const second = await player.context.newPage();
  watch(second, player.problems);
  await first.goto(`${game.base}/play/buildings?planet=${home.id}`);
  await second.goto(`${game.base}/play/buildings?planet=${home.id}`);
  await second.getByRole('combobox', { name: 'Planet' }).selectOption(String(colony.id));
  await second.waitForURL(new RegExp(`planet=${colony.id}`));
  const build = (page: Page, name: string) =>
    page
      .getByRole('article', { name, exact: true })
      .getByRole('button', { name: /^Build/ })
      .click();
  await build(first, 'Metal Mine');
  await build(second, 'Crystal Mine');
  const queue = (page: Page) => page.getByRole('list', { name: 'Build queue' });
  await queue(first)
    .getByText(/Metal Mine/)
    .waitFor();
  await queue(second)
    .getByText(/Crystal Mine/)
    .waitFor();
  assert.equal(
    await queue(first)
      .getByText(/Crystal Mine/)
      .count(),
    0,
    'tab one: its own queue',
  );
  assert.equal(
    await queue(second)
      .getByText(/Metal Mine/)
      .count(),
    0,
    'tab two: its own queue',
  );
  await checkScreen(second, 'buildings-second-tab');

  // Each overview names its own planet.
  await openScreen(first, 'Overview');
  await openScreen(second, 'Overview');
  assert.match(await first.getByRole('heading', { level: 1 }).innerText(), new RegExp(home.name));
  assert.match(
    await second.getByRole('heading', { level: 1 }).innerText(),
    new RegExp(colony.name),
  );
  assert.deepEqual(player.problems, []);
});
