import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN_TOKEN,
  call,
  capturePublished,
  exactResources,
  patchPlanet,
  snapshot,
} from '../helpers/game.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

const offerBody = (offered: number, requested: number) => ({
  offered_resource: 'metal',
  offered_amount: offered,
  requested_resource: 'crystal',
  requested_amount: requested,
});

test('an offer escrows the offered amount; accepting moves the goods and burns the fee', async (t) => {
  const { server } = await startTestServer(t, {
    env: { ADMIN_TOKEN, TRADE_TRANSACTION_FEE_RATE: '0.1' },
  });
  const published = capturePublished(server);
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  await patchPlanet(server, (await snapshot(server, alice)).planet.id, {
    resources: { metal: 10_000, crystal: 0 },
  });
  await patchPlanet(server, (await snapshot(server, bob)).planet.id, {
    resources: { metal: 0, crystal: 5000 },
  });

  const created = await call(server, 'POST', '/trade/offers', alice, offerBody(4000, 2005));
  assert.equal(created.statusCode, 200, created.body);
  const offer = created.json();
  assert.equal(offer.seller_user_id, alice.id);
  assert.equal(offer.status, 'open');
  assert.equal(offer.offered_amount, 4000);
  assert.equal(offer.accepted_by, null);
  assert.ok(Date.parse(offer.created_at) > 0);
  assert.equal(
    exactResources(server, alice.id).metal,
    6000,
    'the offered metal is escrowed at once',
  );

  const open = (await call(server, 'GET', '/trade/offers')).json().offers;
  assert.deepEqual(
    open.map((o: { id: number }) => o.id),
    [offer.id],
  );

  const accepted = await call(server, 'POST', `/trade/accept/${offer.id}`, bob);
  assert.equal(accepted.statusCode, 200, accepted.body);
  // The seller gets requested - int(requested x fee rate): 2005 - 200.
  assert.deepEqual(
    {
      accepted: accepted.json().accepted,
      offer_id: accepted.json().offer_id,
      fee: accepted.json().fee,
    },
    { accepted: true, offer_id: offer.id, fee: 200 },
  );
  assert.equal(accepted.json().seller_received, 1805);
  assert.deepEqual(exactResources(server, alice.id), {
    metal: 6000,
    crystal: 1805,
    deuterium: 100,
  });
  assert.deepEqual(exactResources(server, bob.id), { metal: 4000, crystal: 2995, deuterium: 100 });

  assert.deepEqual((await call(server, 'GET', '/trade/offers')).json().offers, []);
  const all = (await call(server, 'GET', '/trade/offers?status=all')).json().offers;
  assert.equal(all.length, 1);
  assert.equal(all[0].status, 'accepted');
  assert.equal(all[0].accepted_by, bob.id);
  assert.ok(Date.parse(all[0].accepted_at) > 0);
  assert.deepEqual((await call(server, 'GET', '/trade/offers?status=*')).json().offers, all);

  const history = (await call(server, 'GET', `/player/${alice.id}/trade/history`, alice)).json()
    .events;
  assert.deepEqual(
    history.map((e: { type: string; status: string }) => [e.type, e.status]),
    [
      ['trade_completed', 'completed'],
      ['offer_created', 'open'],
    ],
  );
  assert.equal(history[0].buyer_user_id, bob.id);
  assert.equal(history[0].fee, 200);
  const bobHistory = (await call(server, 'GET', `/player/${bob.id}/trade/history`, bob)).json()
    .events;
  assert.deepEqual(
    bobHistory.map((e: { type: string }) => e.type),
    ['trade_completed'],
  );
  const other = await call(server, 'GET', `/player/${alice.id}/trade/history`, bob);
  assert.equal(other.statusCode, 403);

  // trade_event goes to both parties after the commit; the seller is also notified.
  const tradeEvents = published.filter((e) => e.message.type === 'trade_event');
  assert.deepEqual(
    tradeEvents.map((e) => [e.userId, e.message.event_type]),
    [
      [alice.id, 'offer_created'],
      [alice.id, 'trade_completed'],
      [bob.id, 'trade_completed'],
    ],
  );
  const note = published.find((e) => e.message.type === 'notification' && e.userId === alice.id);
  assert.equal((note?.message.notification as { type: string }).type, 'trade_completed');
});

test('every rejection is a specific 4xx and changes nothing', async (t) => {
  const { server } = await startTestServer(t, { env: { ADMIN_TOKEN } });
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const before = exactResources(server, alice.id);
  const post = (body: object) => call(server, 'POST', '/trade/offers', alice, body);
  const expect400 = async (body: object, detail: string | RegExp) => {
    const res = await post(body);
    assert.equal(res.statusCode, 400, res.body);
    if (typeof detail === 'string') assert.equal(res.json().detail, detail);
    else assert.match(res.json().detail, detail);
  };
  await expect400(
    { offered_amount: 1, requested_amount: 1 },
    'offered_resource and requested_resource are required',
  );
  await expect400(
    { ...offerBody(1, 1), requested_resource: '' },
    'offered_resource and requested_resource are required',
  );
  await expect400(
    { ...offerBody(1, 1), offered_amount: 1.5 },
    'offered_amount and requested_amount must be integers',
  );
  await expect400(
    { ...offerBody(1, 1), requested_amount: 'lots' },
    'offered_amount and requested_amount must be integers',
  );
  await expect400(
    { ...offerBody(1, 1), offered_resource: 'gold' },
    /^Invalid offered_resource: "gold". Valid values: metal, crystal, deuterium$/,
  );
  await expect400(
    { ...offerBody(1, 1), requested_resource: 'energy' },
    /^Invalid requested_resource/,
  );
  await expect400(offerBody(0, 1), 'offered_amount must be > 0');
  await expect400(offerBody(5, -3), 'requested_amount must be > 0');
  await expect400(
    { ...offerBody(5, 3), requested_resource: 'metal' },
    'offered_resource and requested_resource must differ',
  );

  const poor = await post(offerBody(600, 1));
  assert.equal(poor.statusCode, 409);
  assert.equal(poor.json().detail, 'Insufficient resources for trade offer: missing 100 metal');
  assert.deepEqual(poor.json().shortfall, { metal: 100 });
  assert.equal(poor.json().code, 'insufficient_resources');
  assert.equal(
    (await call(server, 'POST', '/trade/offers', undefined, offerBody(1, 1))).statusCode,
    401,
  );
  assert.deepEqual(exactResources(server, alice.id), before, 'no rejected offer took anything');

  // A string of digits is an integer, as the reference server accepted.
  const ok = await post({ ...offerBody(100, 1000), offered_amount: '100' });
  assert.equal(ok.statusCode, 200, ok.body);
  const id = ok.json().id;

  const self = await call(server, 'POST', `/trade/accept/${id}`, alice);
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().detail, 'Cannot accept your own offer (self-trade)');
  assert.equal(self.json().code, 'self_trade');
  const unknown = await call(server, 'POST', '/trade/accept/9999', bob);
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().detail, 'Offer not found');
  assert.equal(unknown.json().code, 'offer_not_found');
  const broke = await call(server, 'POST', `/trade/accept/${id}`, bob);
  assert.equal(broke.statusCode, 409, 'bob has 300 crystal, the offer asks 1000');
  assert.deepEqual(broke.json().shortfall, { crystal: 700 });
  assert.equal((await call(server, 'GET', '/trade/offers')).json().offers.length, 1, 'still open');

  const notYours = await call(server, 'DELETE', `/trade/offers/${id}`, bob);
  assert.equal(notYours.statusCode, 403);
  assert.equal(notYours.json().detail, 'Only the seller can cancel this offer');
  assert.equal(notYours.json().code, 'not_seller');
  const cancelled = await call(server, 'DELETE', `/trade/offers/${id}`, alice);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.deepEqual(cancelled.json().refunded, { resource: 'metal', amount: 100 });
  assert.deepEqual(exactResources(server, alice.id), before, 'the escrow came back');
  for (const [method, url, who] of [
    ['DELETE', `/trade/offers/${id}`, alice],
    ['POST', `/trade/accept/${id}`, bob],
  ] as const) {
    const res = await call(server, method, url, who);
    assert.equal(res.statusCode, 409, `${method} ${url}`);
    assert.equal(res.json().detail, `Offer ${id} is not open`);
    assert.equal(res.json().code, 'offer_not_open');
  }
  const cancelledList = (await call(server, 'GET', '/trade/offers?status=cancelled')).json().offers;
  assert.deepEqual(
    cancelledList.map((o: { id: number; status: string }) => [o.id, o.status]),
    [[id, 'cancelled']],
  );
  // The status filter is an enum of the contract: another value is a 422 naming the field.
  const bad = await call(server, 'GET', '/trade/offers?status=sold');
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().code, 'validation_failed');
  assert.deepEqual(bad.json().detail[0].loc, ['query', 'status']);
});

test('offers list newest first with limit and offset', async (t) => {
  const { server } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const ids: number[] = [];
  for (let i = 1; i <= 3; i++)
    ids.push((await call(server, 'POST', '/trade/offers', alice, offerBody(i, 10))).json().id);
  const page = async (q: string) =>
    (await call(server, 'GET', `/trade/offers?${q}`))
      .json()
      .offers.map((o: { id: number }) => o.id);
  assert.deepEqual(await page('limit=2'), [ids[2], ids[1]]);
  assert.deepEqual(await page('limit=2&offset=2'), [ids[0]]);
  assert.deepEqual(await page('status=all&limit=1&offset=1'), [ids[1]]);
  assert.equal((await call(server, 'GET', '/trade/offers?limit=0')).statusCode, 422);
});

test('with TRADE_OFFER_TTL_SECONDS an offer expires at its time and is refunded', async (t) => {
  const { server, clock } = await startTestServer(t, { env: { TRADE_OFFER_TTL_SECONDS: '3600' } });
  const alice = await registerPlayer(server, 'alice');
  const before = exactResources(server, alice.id);
  const offer = (await call(server, 'POST', '/trade/offers', alice, offerBody(300, 10))).json();
  assert.equal(Date.parse(offer.expires_at) - Date.parse(offer.created_at), 3_600_000);

  clock.advance(3_599_999);
  server.runtime.tick();
  assert.equal(
    (await call(server, 'GET', '/trade/offers')).json().offers.length,
    1,
    'not a millisecond early',
  );
  clock.advance(1);
  server.runtime.tick();
  await server.runtime.flush();
  assert.deepEqual((await call(server, 'GET', '/trade/offers')).json().offers, []);
  const expired = (await call(server, 'GET', '/trade/offers?status=expired')).json().offers;
  assert.equal(expired[0].id, offer.id);
  // The refund arrives at expiry; production meanwhile adds the same on both sides of the sum.
  const produced = exactResources(server, alice.id).metal - before.metal;
  const planet = server.runtime.world.planetsOf(alice.id)[0]!;
  const rates = server.runtime.rules.production({ ...planet, research: {} });
  assert.ok(
    Math.abs(produced - rates.metal) < 1e-6,
    'the 300 metal came back, plus an hour of production',
  );
  const history = (await call(server, 'GET', `/player/${alice.id}/trade/history`, alice)).json()
    .events;
  assert.equal(history[0].type, 'offer_expired');
  const notes = (await call(server, 'GET', `/player/${alice.id}/notifications`, alice)).json()
    .notifications;
  assert.equal(notes[0].type, 'offer_expired');
});

test('50 concurrent accepts of one offer: exactly one wins, the others get 409, totals are conserved', async (t) => {
  const { server } = await startTestServer(t, { env: { TRADE_TRANSACTION_FEE_RATE: '0.05' } });
  const seller = await registerPlayer(server, 'seller');
  const buyers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => registerPlayer(server, `buyer${i}`)),
  );
  const everyone = [seller, ...buyers];
  const total = () =>
    everyone
      .map((s) => exactResources(server, s.id))
      .reduce((a, b) => ({
        metal: a.metal + b.metal,
        crystal: a.crystal + b.crystal,
        deuterium: a.deuterium + b.deuterium,
      }));
  const before = total();
  const offer = (await call(server, 'POST', '/trade/offers', seller, offerBody(400, 200))).json();
  assert.equal(total().metal, before.metal - 400, 'in escrow while open');

  const answers = await Promise.all(
    buyers.map((b) => call(server, 'POST', `/trade/accept/${offer.id}`, b)),
  );
  const won = answers.filter((r) => r.statusCode === 200);
  const lost = answers.filter((r) => r.statusCode === 409);
  assert.equal(won.length, 1);
  assert.equal(lost.length, 49);
  for (const r of lost) assert.equal(r.json().detail, `Offer ${offer.id} is not open`);

  const after = total();
  assert.equal(after.metal, before.metal, 'the escrow moved, none created');
  assert.equal(after.crystal, before.crystal - 10, 'only the 5 % fee of 200 left the economy');
  assert.equal(after.deuterium, before.deuterium);
  const winners = buyers.filter((b) => exactResources(server, b.id).metal === 900);
  assert.equal(winners.length, 1);
  const completed = (await call(server, 'GET', `/player/${seller.id}/trade/history`, seller)).json()
    .events;
  assert.equal(completed.filter((e: { type: string }) => e.type === 'trade_completed').length, 1);
});
