// The web client end to end (issue 12): a newcomer opens the server in Chromium, registers
// and plays the loop through the screens only: build a mine and watch it complete, research,
// build ships, colonize, attack another player and read the battle report, read the
// notifications. Every screen is saved as a screenshot and checked with axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  adminPatchPlanet,
  amount,
  checkScreen,
  launchChromium,
  openPage,
  openScreen,
  planetsOf,
  registerInBrowser,
  startGame,
  tokenOf,
} from '../helpers/web.js';

/** A unit's card on the buildings, research, shipyard and defense screens. */
const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

test('a newcomer registers and plays the loop in the browser', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const game = await startGame(t);

  // Someone to fight, in a browser of their own: they will hear the alarm.
  const bob = await registerInBrowser(browser, game.base, 'bob');
  const [bobPlanet] = await planetsOf(game.base, await tokenOf(bob.page), bob.userId);
  assert.ok(bobPlanet);
  // A few defenders, so the battle has rounds to read.
  await adminPatchPlanet(game.base, bobPlanet.id, { ships: { light_fighter: 2 } });

  // A browser opening the server lands on the login screen.
  const first = await openPage(browser);
  await first.page.goto(`${game.base}/`);
  assert.match(first.page.url(), /\/play\/$/);
  await first.page.getByRole('tab', { name: 'Register' }).waitFor();
  await checkScreen(first.page, 'login');
  await first.context.close();
  assert.deepEqual(first.problems, []);

  const alice = await registerInBrowser(browser, game.base, 'alice');
  const { page } = alice;
  const token = await tokenOf(page);
  const [home] = await planetsOf(game.base, token, alice.userId);
  assert.ok(home);

  // Overview: resources tick live between server updates.
  const before = await amount(page, 'res-metal');
  for (let waited = 0; (await amount(page, 'res-metal')) <= before; waited += 250) {
    assert.ok(waited < 10_000, 'metal ticks up');
    await page.waitForTimeout(250);
  }
  await checkScreen(page, 'overview');

  // Buildings: one click builds the next level, the queue counts down, the level goes up live.
  await openScreen(page, 'Buildings');
  const mine = card(page, 'Metal Mine');
  await mine.getByRole('button', { name: /^Build/ }).click();
  await page.getByRole('list', { name: 'Build queue' }).getByRole('listitem').first().waitFor();
  await checkScreen(page, 'buildings');
  await mine
    .getByText(/level 2/i)
    .first()
    .waitFor({ timeout: 20_000 });

  // The scene for the rest: a lab, a shipyard and resources (operator corrections).
  await adminPatchPlanet(game.base, home.id, {
    resources: { metal: 500_000, crystal: 500_000, deuterium: 500_000 },
    buildings: { research_lab: 1, shipyard: 2, robot_factory: 2 },
  });
  await page.reload();

  // Research.
  await openScreen(page, 'Research');
  const energy = card(page, 'Energy Technology');
  await energy.getByRole('button', { name: /^Research/ }).click();
  await page.getByRole('list', { name: 'Research queue' }).getByRole('listitem').first().waitFor();
  await checkScreen(page, 'research');
  await energy
    .getByText(/level 1/i)
    .first()
    .waitFor({ timeout: 20_000 });

  // Shipyard: order fighters and a colony ship, delivered live.
  await openScreen(page, 'Shipyard');
  const fighters = card(page, 'Light Fighter');
  await fighters.getByLabel('Count').fill('8');
  await fighters.getByRole('button', { name: /^Build/ }).click();
  const colony = card(page, 'Colony Ship');
  await colony.getByLabel('Count').fill('1');
  await colony.getByRole('button', { name: /^Build/ }).click();
  await page.getByRole('list', { name: 'Shipyard queue' }).getByRole('listitem').first().waitFor();
  await checkScreen(page, 'shipyard');
  await page
    .getByRole('list', { name: 'Shipyard queue' })
    .waitFor({ state: 'detached', timeout: 30_000 });

  await openScreen(page, 'Defense');
  await checkScreen(page, 'defense');

  // Galaxy: browse to Bob's system and attack him from there.
  await openScreen(page, 'Galaxy');
  await page.getByRole('spinbutton', { name: 'Galaxy' }).fill(String(bobPlanet.galaxy));
  await page.getByRole('spinbutton', { name: 'System' }).fill(String(bobPlanet.system));
  await page.getByRole('button', { name: 'Show' }).click();
  const bobAt = `[${bobPlanet.galaxy}:${bobPlanet.system}:${bobPlanet.position}]`;
  await page.getByRole('table', { name: 'Solar system' }).getByText('bob').waitFor();
  await checkScreen(page, 'galaxy');
  await page.getByRole('link', { name: `Attack ${bobAt}` }).click();

  // Fleet: the form is prefilled; the preview tells duration, arrival and fuel before sending.
  await page.getByRole('form', { name: 'Dispatch fleet' }).waitFor();
  assert.equal(
    await page.getByRole('spinbutton', { name: 'Position' }).inputValue(),
    String(bobPlanet.position),
  );
  await page.getByRole('spinbutton', { name: 'Light Fighter', exact: true }).fill('8');
  const preview = page.getByRole('region', { name: 'Flight preview' });
  await preview.getByText(/fuel/i).first().waitFor();
  await checkScreen(page, 'fleet');
  await page.getByRole('button', { name: 'Send fleet' }).click();
  const flying = page.getByRole('list', { name: 'Fleets in flight' });
  await flying.getByRole('listitem').first().waitFor();
  // Bob's page sounds the alarm the moment the fleet leaves.
  await bob.page.getByRole('alert').filter({ hasText: 'Incoming attack' }).waitFor();
  await checkScreen(bob.page, 'incoming-attack');

  // The battle report arrives live; read it round by round.
  await openScreen(page, 'Reports');

  const report = page.getByRole('link', {
    name: new RegExp(`Battle at ${bobAt.replace(/[[\]]/g, '\\$&')}`),
  });
  await report.first().waitFor({ timeout: 30_000 });
  await checkScreen(page, 'reports');
  await report.first().click();
  await page.getByRole('heading', { name: 'Battle report' }).waitFor();
  await page.getByRole('table', { name: 'Rounds' }).waitFor();
  await checkScreen(page, 'battle-report');

  // Once the fighters are home: spy on Bob from the galaxy view, and read what they saw.
  const fromGalaxy = async (action: string, ships: number) => {
    await openScreen(page, 'Galaxy');
    await page.getByRole('spinbutton', { name: 'Galaxy' }).fill(String(bobPlanet.galaxy));
    await page.getByRole('spinbutton', { name: 'System' }).fill(String(bobPlanet.system));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('link', { name: `${action} ${bobAt}` }).click();
    await page.getByRole('form', { name: 'Dispatch fleet' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Light Fighter', exact: true }).fill(String(ships));
    await page.getByRole('region', { name: 'Flight preview' }).getByText(/fuel/i).first().waitFor();
    await page.getByRole('button', { name: 'Send fleet' }).click();
    await page
      .getByRole('list', { name: 'Fleets in flight' })
      .getByRole('listitem')
      .first()
      .waitFor();
  };
  await openScreen(page, 'Fleet');
  await page.getByText('No fleet of yours is in flight.').waitFor({ timeout: 30_000 });
  await fromGalaxy('Spy', 1);
  await openScreen(page, 'Reports');
  await page.getByRole('tab', { name: 'Espionage reports' }).click();
  const spied = page.getByRole('link', {
    name: new RegExp(`Espionage at ${bobAt.replace(/[[\]]/g, '\\$&')}`),
  });
  await spied.first().waitFor({ timeout: 30_000 });
  await spied.first().click();
  await page.getByRole('heading', { name: 'Espionage report' }).waitFor();
  await checkScreen(page, 'espionage-report');

  // The battle left debris at Bob's: the galaxy view offers to recycle it.
  await openScreen(page, 'Fleet');
  await page.getByText('No fleet of yours is in flight.').waitFor({ timeout: 30_000 });
  await fromGalaxy('Recycle', 5);

  // Colonize a free position of Bob's system with the colony ship: a second planet appears.
  const systemPositions = (await (
    await fetch(`${game.base}/galaxy/${bobPlanet.galaxy}/${bobPlanet.system}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as {
    positions: { position: number; planet: unknown }[];
  };
  const free = systemPositions.positions.find((p) => p.planet === null);
  assert.ok(free, 'a free position');
  await openScreen(page, 'Galaxy');
  await page.getByRole('spinbutton', { name: 'Galaxy' }).fill(String(bobPlanet.galaxy));
  await page.getByRole('spinbutton', { name: 'System' }).fill(String(bobPlanet.system));
  await page.getByRole('button', { name: 'Show' }).click();
  await page
    .getByRole('link', {
      name: `Colonize [${bobPlanet.galaxy}:${bobPlanet.system}:${free.position}]`,
    })
    .click();
  await page.getByRole('form', { name: 'Dispatch fleet' }).waitFor();
  await page.getByRole('spinbutton', { name: 'Colony Ship', exact: true }).fill('1');
  await page.getByRole('region', { name: 'Flight preview' }).getByText(/fuel/i).first().waitFor();
  await page.getByRole('button', { name: 'Send fleet' }).click();
  await page
    .getByRole('combobox', { name: 'Planet' })
    .locator('option')
    .nth(1)
    .waitFor({ state: 'attached', timeout: 30_000 });

  // Notifications came with all of it; the badge counts them, "Mark all read" clears it.
  await openScreen(page, 'Messages');
  await page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
  await checkScreen(page, 'messages');
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByText(/unread/)
    .waitFor({ state: 'detached' });

  for (const screen of ['Market', 'Highscore', 'Simulator']) {
    await openScreen(page, screen);
    await page.waitForLoadState('networkidle');
    await checkScreen(page, screen.toLowerCase());
  }

  // A phone: the same screens at 375 px.
  await page.setViewportSize({ width: 375, height: 800 });
  for (const screen of ['Overview', 'Buildings', 'Fleet', 'Galaxy']) {
    await openScreen(page, screen);
    await page.waitForLoadState('networkidle');
    await checkScreen(page, `phone-${screen.toLowerCase()}`);
  }
  assert.deepEqual(alice.problems, [], 'no console errors or warnings');
  assert.deepEqual(bob.problems, []);
});
