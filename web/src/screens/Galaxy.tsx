import type { Schemas, ServerMessageType } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Cost, Empty, ErrorText, Loading, Screen } from '../components/bits';
import { CoordinateFields, type CoordinateText } from '../components/CoordinateFields';
import { api } from '../lib/api';
import { formatCoords, formatNumber } from '../lib/format';
import { useGame } from '../lib/game';
import { useMessages } from '../lib/live';
import { useLoad } from '../lib/load';
import './Galaxy.css';

type Slot = Schemas['GalaxySystem']['positions'][number];
type Mission = Schemas['Mission'];

/** Messages after which a system may look different (a colony, a debris field, a planet gone). */
const GALAXY_EVENTS: readonly ServerMessageType[] = [
  'colony_founded',
  'battle_report',
  'fleet_arrived',
];

function whole(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) ? value : undefined;
}

type Universe = { galaxies: number; systems: number };

/**
 * The system `delta` steps away, crossing into the next or previous galaxy at the ends (and
 * from the last galaxy back to the first); undefined when the universe is not known yet.
 */
function step(universe: Universe | undefined, galaxy: number, system: number, delta: 1 | -1) {
  if (!universe) return undefined;
  const index = (galaxy - 1) * universe.systems + (system - 1) + delta;
  const total = universe.galaxies * universe.systems;
  const wrapped = (index + total) % total;
  return {
    galaxy: Math.floor(wrapped / universe.systems) + 1,
    system: (wrapped % universe.systems) + 1,
  };
}

/** One system of the universe: who lives where, debris, and missions to send there. */
export function Galaxy() {
  const { userId, snapshot, link, rules } = useGame();
  const universe = rules?.universe;
  const { query, route } = useLocation();
  const home = snapshot.data?.position;

  // The system browsed is the URL's, else the planet's own.
  const galaxy = whole(query.galaxy) ?? home?.galaxy;
  const system = whole(query.system) ?? home?.system;

  const view = useLoad(
    async () =>
      galaxy === undefined || system === undefined
        ? undefined
        : ok(
            api.GET('/galaxy/{galaxy}/{system}', {
              params: { path: { galaxy, system } },
            }),
          ),
    [galaxy, system],
  );
  useMessages(GALAXY_EVENTS, () => view.reload());

  const [typed, setTyped] = useState<CoordinateText>({
    galaxy: galaxy === undefined ? '' : String(galaxy),
    system: system === undefined ? '' : String(system),
    position: '',
  });
  useEffect(() => {
    setTyped((t) => ({
      ...t,
      galaxy: galaxy === undefined ? t.galaxy : String(galaxy),
      system: system === undefined ? t.system : String(system),
    }));
  }, [galaxy, system]);

  const go = (g: number, s: number) => route(link('/galaxy', { galaxy: g, system: s }));
  const neighbour = (delta: 1 | -1) =>
    galaxy === undefined || system === undefined
      ? undefined
      : step(universe, galaxy, system, delta);
  const previous = neighbour(-1);
  const next = neighbour(1);

  return (
    <Screen title="Galaxy view">
      <form
        class="card galaxy-controls"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const g = whole(typed.galaxy);
          const s = whole(typed.system);
          if (g !== undefined && s !== undefined) go(g, s);
        }}
      >
        <div class="row">
          <CoordinateFields
            idPrefix="galaxy"
            value={typed}
            onChange={setTyped}
            withPosition={false}
          />
          <button type="submit" class="primary">
            Show
          </button>
        </div>
        <div class="actions system-steps">
          <button
            type="button"
            disabled={!previous}
            onClick={() => previous && go(previous.galaxy, previous.system)}
          >
            <span aria-hidden="true">← </span>Previous system
          </button>
          <button
            type="button"
            disabled={!next}
            onClick={() => next && go(next.galaxy, next.system)}
          >
            Next system<span aria-hidden="true"> →</span>
          </button>
        </div>
      </form>

      <article class="card">
        <h2>
          {galaxy !== undefined && system !== undefined
            ? `System ${galaxy}:${system}`
            : 'Solar system'}
        </h2>
        {view.error ? (
          <ErrorText error={view.error} />
        ) : !view.data ? (
          snapshot.error && galaxy === undefined ? (
            <ErrorText error={snapshot.error} />
          ) : (
            <Loading />
          )
        ) : view.data.positions.length === 0 ? (
          <Empty>This system has no positions.</Empty>
        ) : (
          <SystemTable data={view.data} userId={userId} />
        )}
      </article>
    </Screen>
  );
}

function SystemTable({ data, userId }: { data: Schemas['GalaxySystem']; userId: number }) {
  const occupied = data.positions.filter((slot) => slot.planet).length;
  return (
    <>
      <p class="muted galaxy-summary">
        {occupied === 0
          ? 'No planet in this system yet.'
          : `${formatNumber(occupied)} of ${formatNumber(data.positions.length)} positions taken.`}
      </p>
      <div class="table-wrap">
        <table class="table galaxy-table" aria-label="Solar system">
          <thead>
            <tr>
              <th scope="col" class="num">
                Pos
              </th>
              <th scope="col">Planet</th>
              <th scope="col">Owner</th>
              <th scope="col">Debris</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.positions.map((slot) => (
              <SlotRow
                key={slot.position}
                slot={slot}
                galaxy={data.galaxy}
                system={data.system}
                userId={userId}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SlotRow({
  slot,
  galaxy,
  system,
  userId,
}: {
  slot: Slot;
  galaxy: number;
  system: number;
  userId: number;
}) {
  const { link } = useGame();
  const coords = formatCoords({ galaxy, system, position: slot.position });
  const mine = slot.owner?.user_id === userId;
  const hasDebris = !!slot.debris && (slot.debris.metal > 0 || slot.debris.crystal > 0);

  const actions: { label: string; mission: Mission }[] = [];
  if (slot.planet && !mine) {
    actions.push(
      { label: 'Spy', mission: 'espionage' },
      { label: 'Attack', mission: 'attack' },
      { label: 'Transport', mission: 'transfer' },
    );
  } else if (slot.planet && mine) {
    actions.push(
      { label: 'Deploy', mission: 'deploy' },
      { label: 'Transport', mission: 'transfer' },
    );
  } else {
    actions.push({ label: 'Colonize', mission: 'colonize' });
  }
  if (hasDebris) actions.push({ label: 'Recycle', mission: 'recycle' });

  return (
    <tr class={mine ? 'own' : slot.planet ? '' : 'free'}>
      <td class="num">{slot.position}</td>
      <td>{slot.planet ? slot.planet.name : <span class="muted">empty</span>}</td>
      <td>
        {slot.owner ? (
          <>
            <span class={mine ? 'owner-you' : undefined}>{slot.owner.name}</span>
            {mine ? <span class="tag you">you</span> : null}
            {slot.owner.rank ? <span class="muted"> #{slot.owner.rank}</span> : null}
            {slot.owner.activity !== 'active' ? (
              <abbr
                class={`tag activity activity-${slot.owner.activity}`}
                title={
                  slot.owner.activity === 'I'
                    ? 'Inactive for 28 days or more'
                    : 'Inactive for 7 days or more'
                }
              >
                {slot.owner.activity}
              </abbr>
            ) : null}
            {slot.owner.marked_inactive ? <span class="muted"> (inactive)</span> : null}
          </>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        {hasDebris && slot.debris ? (
          <Cost cost={{ metal: slot.debris.metal, crystal: slot.debris.crystal }} />
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        <span class="actions galaxy-actions">
          {actions.map((action) => (
            <a
              key={action.label + action.mission}
              class="action-link"
              aria-label={`${action.label} ${coords}`}
              href={link('/fleet', {
                galaxy,
                system,
                position: slot.position,
                mission: action.mission,
              })}
            >
              {action.label}
            </a>
          ))}
        </span>
      </td>
    </tr>
  );
}
