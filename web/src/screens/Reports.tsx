import { ok, type Schemas } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { Empty, ErrorText, Loading, Screen } from '../components/bits';
import { api } from '../lib/api';
import { formatCoords, formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad } from '../lib/load';
import { BattleReportView } from './ReportBattle';
import { EspionageReportView } from './ReportEspionage';
import { Amounts, outcomeFor, Pager } from './ReportParts';

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

function BattleList() {
  const { userId, link } = useGame();
  const [offset, setOffset] = useState(0);
  const list = useLoad(
    async () =>
      (
        await ok(
          api.GET('/player/{user_id}/battle-reports', {
            params: { path: { user_id: userId }, query: { limit: PAGE, offset } },
          }),
        )
      ).reports,
    [userId, offset],
  );
  useMessages(['battle_report'], () => list.reload());

  if (!list.data) return list.error ? <ErrorText error={list.error} /> : <Loading />;
  return (
    <>
      <ErrorText error={list.error} />
      {list.data.length === 0 ? (
        <Empty>
          {offset === 0
            ? 'No battle yet. Reports of your attacks and of attacks on your planets appear here.'
            : 'No older battle reports.'}
        </Empty>
      ) : (
        <ul class="report-list" aria-label="Battle reports">
          {list.data.map((report) => {
            const outcome = outcomeFor(report, userId);
            const attacked = report.attacker_user_id === userId;
            return (
              <li key={report.id}>
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
              </li>
            );
          })}
        </ul>
      )}
      <Pager offset={offset} count={list.data.length} size={PAGE} onChange={setOffset} />
    </>
  );
}

function EspionageList() {
  const { userId, link } = useGame();
  const [offset, setOffset] = useState(0);
  const list = useLoad(
    async () =>
      (
        await ok(
          api.GET('/player/{user_id}/espionage-reports', {
            params: { path: { user_id: userId }, query: { limit: PAGE, offset } },
          }),
        )
      ).reports,
    [userId, offset],
  );
  useMessages(['espionage_report'], () => list.reload());
  // The spied-on player gets no espionage_report message, only its notification.
  useMessages(['notification'], (message) => {
    if (message.type === 'notification' && message.notification.type === 'espionage_detected')
      list.reload();
  });

  if (!list.data) return list.error ? <ErrorText error={list.error} /> : <Loading />;
  return (
    <>
      <ErrorText error={list.error} />
      {list.data.length === 0 ? (
        <Empty>
          {offset === 0
            ? 'No espionage yet. Send espionage probes to a planet to see what it holds.'
            : 'No older espionage reports.'}
        </Empty>
      ) : (
        <ul class="report-list" aria-label="Espionage reports">
          {list.data.map((report: EspionageReport) => {
            const spied = report.attacker_user_id === userId;
            const snap = report.snapshot;
            return (
              <li key={report.id}>
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
              </li>
            );
          })}
        </ul>
      )}
      <Pager offset={offset} count={list.data.length} size={PAGE} onChange={setOffset} />
    </>
  );
}
