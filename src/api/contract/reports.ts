// Schemas of the report routes: battle and espionage reports as sim/views/reports.ts shows the
// stored rows. The outcome and the snapshot are the shapes the WebSocket messages carry
// (messages.ts), so a report read later is what was pushed when it happened.
import { Type } from 'typebox';
import { Position } from './common.js';
import { DateTime, Id, Named, Nullable, Obj } from './kit.js';
import { BattleOutcomeShape, EspionageSnapshotShape } from './messages.js';
import { pageFields } from './query.js';

const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

/** `?limit=&offset=` of the report lists (the reference server's 1..200, 50). */
export const ReportPageQuery = Obj(pageFields(MAX_PAGE, DEFAULT_PAGE));

export const ReportParams = Obj({ user_id: Id(), report_id: Id() });

/** The fields of sim/views/reports.ts reportBase, common to both kinds. */
const reportFields = {
  id: Id(),
  created_at: DateTime(),
  attacker_user_id: Id({ description: 'The player who sent the fleet.' }),
  defender_user_id: Id({ description: "The target planet's owner." }),
  attacker_name: Nullable(
    Type.String({ description: "The attacker's username; null once deleted." }),
  ),
  defender_name: Nullable(
    Type.String({ description: "The defender's username; null once deleted." }),
  ),
  location: Position,
  fleet_id: Id({ description: 'The fleet whose arrival made the report.' }),
};

export const BattleOutcome = Named('BattleOutcome', BattleOutcomeShape);

export const BattleReport = Named(
  'BattleReport',
  Obj(
    {
      ...reportFields,
      seed: Type.Integer({ minimum: 0, description: 'Replays the battle exactly.' }),
      outcome: BattleOutcome,
    },
    { description: 'A battle, readable by its attacker and its defender.' },
  ),
);

export const BattleReportList = Named(
  'BattleReportList',
  Obj({ reports: Type.Array(BattleReport, { description: 'Newest first.' }) }),
);

export const EspionageSnapshot = Named('EspionageSnapshot', EspionageSnapshotShape);

export const EspionageReport = Named(
  'EspionageReport',
  Obj(
    { ...reportFields, snapshot: EspionageSnapshot },
    { description: 'What a spy mission saw, readable by the spy and the spied-on player.' },
  ),
);

export const EspionageReportList = Named(
  'EspionageReportList',
  Obj({ reports: Type.Array(EspionageReport, { description: 'Newest first.' }) }),
);
