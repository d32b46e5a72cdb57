import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../../sim/errors.js';
import { battleReportView, espionageReportView } from '../../sim/views/reports.js';
import { participantReport, reportPage, type ReportTable } from '../../store/report-histories.js';
import { Pagination, StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['reports'];
const security = [{ bearerAuth: [] }];
const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

const KINDS: ReadonlyArray<{
  path: string;
  table: ReportTable;
  view: (row: Record<string, string | number | null>) => unknown;
  missing: string;
}> = [
  {
    path: 'battle-reports',
    table: 'battle_reports',
    view: battleReportView,
    missing: 'Battle report not found',
  },
  {
    path: 'espionage-reports',
    table: 'espionage_reports',
    view: espionageReportView,
    missing: 'Espionage report not found',
  },
];

/** Battle and espionage reports, readable by both participants only (404 for anyone else). */
export const reportRoutes: RouteModule =
  ({ runtime, store }, guards) =>
  async (app) => {
    for (const kind of KINDS) {
      app.get(
        `/player/:user_id/${kind.path}`,
        {
          preHandler: guards.protectedUser,
          schema: {
            tags,
            security,
            summary: `The player's ${kind.path.replace('-', ' ')} (attacker or defender), newest first`,
            params: UserIdParams,
            querystring: Pagination(MAX_PAGE, DEFAULT_PAGE),
            response: StandardResponses,
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
          return { reports: rows.map(kind.view) };
        },
      );

      app.get(
        `/player/:user_id/${kind.path}/:report_id`,
        {
          preHandler: guards.protectedUser,
          schema: {
            tags,
            security,
            summary: `One of the player's ${kind.path.replace('-', ' ')}`,
            params: Type.Object({
              user_id: UserIdParams.properties.user_id,
              report_id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
            }),
            response: StandardResponses,
          },
        },
        async (request) => {
          runtime.read(() => undefined);
          await runtime.flush();
          const row = await store.read((db) =>
            participantReport(db, kind.table, request.params.user_id, request.params.report_id),
          );
          if (!row) throw notFound(kind.missing);
          return kind.view(row);
        },
      );
    }
  };
