import { ok, type Schemas, type ServerMessageType } from '@ogame-like/sdk';
import { api } from './api';
import { useGame } from './game';
import { useMessages } from './live';
import { useLoad, type Loaded } from './load';

export type FleetOverview = Schemas['FleetOverview'];

/** The live messages after which the fleet overview may have changed. */
export const FLEET_EVENTS: readonly ServerMessageType[] = [
  'fleet_arrived',
  'fleet_returned',
  'incoming_attack',
  'battle_report',
  'ship_build_complete_batch',
  'colony_founded',
  'transport_received',
];

/**
 * This tab's planet's fleet overview (ships and defenses on it, the player's fleets in flight,
 * fleets on their way to the player's planets), read again on the messages that change it.
 */
export function useFleetOverview(): Loaded<FleetOverview> {
  const { userId, planetId } = useGame();
  const fleet = useLoad(
    () =>
      ok(
        api.GET('/player/{user_id}/fleet', {
          params: { path: { user_id: userId }, query: planetId ? { planet_id: planetId } : {} },
        }),
      ),
    [userId, planetId],
  );
  useMessages(FLEET_EVENTS, () => fleet.reload());
  return fleet;
}
