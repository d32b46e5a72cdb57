import type { Kysely } from 'kysely';
import type { Page } from './histories.js';
import type { Row } from './tables.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export type ReportTable = 'battle_reports' | 'espionage_reports';

/**
 * A participant's reports (attacker or defender), newest first. Run through `store.read`, so a
 * read replica answers when one is configured.
 */
export const reportPage = (
  db: AnyDb,
  table: ReportTable,
  userId: number,
  page: Page,
): Promise<Row[]> =>
  db
    .selectFrom(table)
    .selectAll()
    .where((eb) =>
      eb.or([eb('attacker_user_id', '=', userId), eb('defender_user_id', '=', userId)]),
    )
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<Row[]>;

/** One report if `userId` took part in it, else undefined (the caller answers 404 either way). */
export const participantReport = async (
  db: AnyDb,
  table: ReportTable,
  userId: number,
  id: number,
): Promise<Row | undefined> =>
  (await db
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('attacker_user_id', '=', userId), eb('defender_user_id', '=', userId)]),
    )
    .executeTakeFirst()) as Row | undefined;
