import { ok, type Schemas, type ServerMessage, type ServerMessageType } from '@ogame-like/sdk';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { Empty, Screen, WhenLoaded } from '../components/bits';
import { PagesNav } from '../components/Pager';
import { api } from '../lib/api';
import { formatCoords, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad } from '../lib/load';
import { BattleReportView } from './ReportBattle';
import { EspionageReportView } from './ReportEspionage';
import { Amounts, outcomeFor } from './ReportParts';

type BattleReport = Schemas['BattleReport'];
type EspionageReport = Schemas['EspionageReport'];
type Kind = 'battle' | 'espionage';

const PAGE = 20;
const TABS: { kind: Kind; label: string }[] = [
  { kind: 'battle', label: 'Battle reports' },
  { kind: 'espionage', label: 'Espionage reports' },
];

/** /play/reports (the two lists) and /play/reports/:kind/:id (one report). */
export function Reports() {
  const { params } = useRoute();
  const kind = params.kind;
  const id = Number(params.id);
  if (kind !== undefined || params.id !== undefined) {
    if (kind === 'battle' && Number.isInteger(id) && id > 0)
      return <BattleReportView key={id} id={id} />;
    if (kind === 'espionage' && Number.isInteger(id) && id > 0)
      return <EspionageReportView key={id} id={id} />;
    return <UnknownReport />;
  }
  return <ReportLists />;
}

function UnknownReport() {
  const { link } = useGame();
  return (
    <Screen title="Reports">
      <Empty>
        There is no such report. <a href={link('/reports')}>All reports</a>
      </Empty>
    </Screen>
  );
}

function ReportLists() {
  const { link } = useGame();
  const { query, route } = useLocation();
  const tab: Kind = query.tab === 'espionage' ? 'espionage' : 'battle';

  const select = (next: Kind, focus = false) => {
    route(link('/reports', next === 'battle' ? {} : { tab: next }), true);
    if (focus) requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };

  return (
    <Screen title="Reports">
      <div
        class="tabs"
        role="tablist"
        aria-label="Report kind"
        onKeyDown={(event) => {
          if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
          event.preventDefault();
          const index = TABS.findIndex((t) => t.kind === tab);
          const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1;
          const next = TABS[(index + step) % TABS.length];
          if (next) select(next.kind, true);
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.kind}
            id={`tab-${t.kind}`}
            type="button"
            role="tab"
            aria-selected={tab === t.kind}
            aria-controls={tab === t.kind ? `panel-${t.kind}` : undefined}
            tabIndex={tab === t.kind ? 0 : -1}
            class={tab === t.kind ? 'active' : ''}
            onClick={() => select(t.kind)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} class="card">
        {tab === 'battle' ? <BattleList /> : <EspionageList />}
      </div>
    </Screen>
  );
}

const OUTCOME_TEXT = { won: 'Won', lost: 'Lost', draw: 'Draw' } as const;

/**
 * One kind's reports, newest first, a page at a time: read again on the messages in
 * `reloadOn` that `concerns` (all of them by default).
 */
function ReportList<T extends { id: number }>({
  label,
  load,
  reloadOn,
  concerns = () => true,
  none,
  noOlder,
  Item,
}: {
  label: string;
  load: (userId: number, offset: number) => Promise<T[]>;
  reloadOn: readonly ServerMessageType[];
  concerns?: (message: ServerMessage) => boolean;
  none: string;
  noOlder: string;
  Item: (props: { report: T }) => VNode;
}) {
  const { userId } = useGame();
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => load(userId, offset), [userId, offset]);
  useMessages(reloadOn, (message) => {
    if (concerns(message)) list.reload();
  });
  return (
    <WhenLoaded data={list.data} error={list.error}>
      {(reports) => (
        <>
          {reports.length === 0 ? (
            <Empty>{offset === 0 ? none : noOlder}</Empty>
          ) : (
            <ul class="report-list" aria-label={label}>
              {reports.map((report) => (
                <li key={report.id}>
                  <Item report={report} />
                </li>
              ))}
            </ul>
          )}
          <PagesNav offset={offset} size={PAGE} count={reports.length} onChange={setOffset} />
        </>
      )}
    </WhenLoaded>
  );
}

const loadBattles = async (userId: number, offset: number) =>
  (
    await ok(
      api.GET('/player/{user_id}/battle-reports', {
        params: { path: { user_id: userId }, query: { limit: PAGE, offset } },
      }),
    )
  ).reports;

const loadEspionage = async (userId: number, offset: number) =>
  (
    await ok(
      api.GET('/player/{user_id}/espionage-reports', {
        params: { path: { user_id: userId }, query: { limit: PAGE, offset } },
      }),
    )
  ).reports;

function BattleList() {
  return (
    <ReportList
      label="Battle reports"
      load={loadBattles}
      reloadOn={['battle_report']}
      none="No battle yet. Reports of your attacks and of attacks on your planets appear here."
      noOlder="No older battle reports."
      Item={BattleItem}
    />
  );
}

function BattleItem({ report }: { report: BattleReport }) {
  const { userId, link } = useGame();
  const outcome = outcomeFor(report, userId);
  const attacked = report.attacker_user_id === userId;
  return (
    <a href={link(`/reports/battle/${report.id}`)}>
      <span class="report-title">Battle at {formatCoords(report.location)}</span>{' '}
      <time dateTime={report.created_at}>{formatTime(report.created_at)}</time>{' '}
      <span class={`tag outcome outcome-${outcome}`}>{OUTCOME_TEXT[outcome]}</span>{' '}
      <span class="muted">
        {attacked
          ? `you attacked ${report.defender_name ?? `player #${report.defender_user_id}`}`
          : `${report.attacker_name ?? `player #${report.attacker_user_id}`} attacked you`}
      </span>{' '}
      <span class="report-loot">
        <span class="muted">{attacked ? 'Loot:' : 'Plundered:'}</span>{' '}
        <Amounts amounts={report.outcome.loot} />
      </span>
    </a>
  );
}

function EspionageList() {
  return (
    <ReportList
      label="Espionage reports"
      load={loadEspionage}
      // The spied-on player gets no espionage_report message, only its notification.
      reloadOn={['espionage_report', 'notification']}
      concerns={(message) =>
        message.type !== 'notification' || message.notification.type === 'espionage_detected'
      }
      none="No espionage yet. Send espionage probes to a planet to see what it holds."
      noOlder="No older espionage reports."
      Item={EspionageItem}
    />
  );
}

function EspionageItem({ report }: { report: EspionageReport }) {
  const { userId, link } = useGame();
  const spied = report.attacker_user_id === userId;
  const snap = report.snapshot;
  return (
    <a href={link(`/reports/espionage/${report.id}`)}>
      <span class="report-title">Espionage at {formatCoords(report.location)}</span>{' '}
      <time dateTime={report.created_at}>{formatTime(report.created_at)}</time>{' '}
      <span class={`tag ${spied ? '' : 'outcome-lost'}`}>
        {spied
          ? 'Your probes'
          : `Spied on by ${report.attacker_name ?? `player #${report.attacker_user_id}`}`}
      </span>{' '}
      <span>
        {snap.planet.name}
        {snap.owner.name ? ` (${snap.owner.name})` : ''}
      </span>{' '}
      {snap.resources ? (
        <span class="report-loot">
          <Amounts amounts={snap.resources} />
        </span>
      ) : null}
    </a>
  );
}
