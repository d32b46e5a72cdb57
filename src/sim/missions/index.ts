import type { FleetMission } from '../types.js';
import { attackMission } from './attack.js';
import { colonizeMission } from './colonize.js';
import { deployMission } from './deploy.js';
import { espionageMission } from './espionage.js';
import { recycleMission } from './recycle.js';
import { transferMission } from './transfer.js';
import type { MissionDef } from './types.js';

/** Every mission and its rules (one file per mission). */
export const MISSIONS: Record<FleetMission, MissionDef> = {
  transfer: transferMission,
  deploy: deployMission,
  attack: attackMission,
  espionage: espionageMission,
  colonize: colonizeMission,
  recycle: recycleMission,
};
