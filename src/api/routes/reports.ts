import type { TSchema } from 'typebox';
import { notFound } from '../../sim/errors.js';
import { battleReportView, espionageReportView } from '../../sim/views/reports.js';
import { participantReport, reportPage, type ReportTable } from '../../store/report-histories.js';
import {
  BattleReport,
  BattleReportList,
  EspionageReport,
  EspionageReportList,
  ReportPageQuery,
  ReportParams,
} from '../contract/reports.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['reports'];
const security = [{ bearerAuth: [] }];

type ReportView = ReturnType<typeof battleReportView> | ReturnType<typeof espionageReportView>;

interface ReportKind {
  path: string;
  table: ReportTable;
  /** Stored rows parse loosely; the contract checker holds them to `item` in tests. */
  view: (row: Record<string, string | number | null>) => ReportView;
  missing: string;
  /** What the summaries call it ("battle reports"). */
  label: string;
  /** The noun of the operationIds (`listBattleReports`, `getBattleReport`). */
  noun: string;
  item: TSchema;
  list: TSchema;
}

const KINDS: readonly ReportKind[] = [
  {
    path: 'battle-reports',
    table: 'battle_reports',
    view: battleReportView,
    missing: 'Battle report not found',
    label: 'battle reports',
    noun: 'BattleReport',
    item: BattleReport,
    list: BattleReportList,
  },
  {
    path: 'espionage-reports',
    table: 'espionage_reports',
    view: espionageReportView,
    missing: 'Espionage report not found',
    label: 'espionage reports',
    noun: 'EspionageReport',
    item: EspionageReport,
    list: EspionageReportList,
  },
];

/** Battle and espionage reports, readable by both participants only (404 for anyone else). */
export const reportRoutes: RouteModule =
  ({ runtime, store }, guards) =>
  async (app) => {
    // Reports store ids; the names are today's (null once an account is deleted).
    const named = (reports: ReportView[]) =>
      runtime.read(({ world }) => {
        const name = (id: number) => world.users.get(id)?.username ?? null;
        return reports.map((report) => ({
          ...report,
          attacker_name: name(report.attacker_user_id),
          defender_name: name(report.defender_user_id),
        }));
      });
    for (const kind of KINDS) {
      app.get(
        `/player/:user_id/${kind.path}`,
        {
          preValidation: guards.protectedUser,
          schema: {
            tags,
            security,
            operationId: `list${kind.noun}s`,
            summary: `The player's ${kind.label} (as attacker or defender), newest first`,
            params: UserIdParams,
            querystring: ReportPageQuery,
            response: replies(kind.list, { access: 'player' }),
          },
        },
        async (request) => {
          const { limit, offset } = request.query;
          // Reports of events this server already applied are written first.
          runtime.read(() => undefined);
          await runtime.flush();
          const rows = await store.read((db) =>
            reportPage(db, kind.table, request.params.user_id, { limit, offset }),
          );
          return { reports: named(rows.map(kind.view)) };
        },
      );

      app.get(
        `/player/:user_id/${kind.path}/:report_id`,
        {
          preValidation: guards.protectedUser,
          schema: {
            tags,
            security,
            operationId: `get${kind.noun}`,
            summary: `One of the player's ${kind.label} (404 unless the player took part)`,
            params: ReportParams,
            response: replies(kind.item, { access: 'player', errors: [404] }),
          },
        },
        async (request) => {
          runtime.read(() => undefined);
          await runtime.flush();
          const row = await store.read((db) =>
            participantReport(db, kind.table, request.params.user_id, request.params.report_id),
          );
          if (!row) throw notFound('report_not_found', kind.missing);
          return named([kind.view(row)])[0];
        },
      );
    }
  };
