import type { Schemas } from '@ogame-like/sdk';

export type Mission = Schemas['Mission'];

/** Every mission of the contract's enum (the Record makes a new one a type error here). */
export const MISSION_LABELS: Record<Mission, string> = {
  attack: 'Attack',
  transfer: 'Transport',
  deploy: 'Deploy',
  espionage: 'Espionage',
  colonize: 'Colonize',
  recycle: 'Recycle',
};
export const MISSIONS = Object.keys(MISSION_LABELS) as Mission[];

export function isMission(value: string | undefined): value is Mission {
  return value !== undefined && value in MISSION_LABELS;
}
