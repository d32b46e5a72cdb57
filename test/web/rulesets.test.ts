// The web client on the real game's ruleset (issue 12): screens are built from GET /rules and
// the catalog, so the `ogame` ruleset's buildings, technologies, ships and defenses appear
// without a line of client code of their own. Every screen opens without a console error and
// passes axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  adminPatchPlanet,
  checkScreen,
  launchChromium,
  openScreen,
  planetsOf,
  registerInBrowser,
  startGame,
  tokenOf,
} from '../helpers/web.js';

const SCREENS = [
  'Overview',
  'Buildings',
  'Research',
  'Shipyard',
  'Defense',
  'Fleet',
  'Galaxy',
  'Reports',
  'Messages',
  'Market',
  'Highscore',
  'Simulator',
];

test('every screen works on the ogame ruleset', async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const game = await startGame(t, { RULESET: 'ogame' });
  const player = await registerInBrowser(browser, game.base, 'ogamer');
  const { page } = player;
  const [home] = await planetsOf(game.base, await tokenOf(page), player.userId);
  assert.ok(home);
  await adminPatchPlanet(game.base, home.id, {
    resources: { metal: 200_000, crystal: 200_000, deuterium: 100_000 },
    buildings: { shipyard: 2, robot_factory: 2, research_lab: 1 },
    ships: { small_cargo: 3, espionage_probe: 2 },
  });
  await page.reload();
  for (const screen of SCREENS) {
    await openScreen(page, screen);
    await page.waitForLoadState('networkidle');
    await checkScreen(page, `ogame-${screen.toLowerCase()}`);
  }
  // The real game's own units are there, by the names the ruleset gives them.
  await openScreen(page, 'Defense');
  await page.getByRole('article', { name: 'Rocket Launcher', exact: true }).waitFor();
  await openScreen(page, 'Fleet');
  await page.getByRole('spinbutton', { name: 'Espionage Probe', exact: true }).waitFor();
  assert.deepEqual(player.problems, []);
});
