import type { Schemas } from '@ogame-like/sdk';
import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Countdown, ErrorText, SuccessText } from '../components/bits';
import { api } from '../lib/api';
import { formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { Refund, useUnitAction } from './UnitCard';
import { QueueCard, type UnitsContext } from './UnitsScreen';

type QueueItem = Schemas['QueueItem'];

/** The planet's build queue: the level under way, the ones waiting, each one cancellable. */
export function BuildQueue({ planetId, snapshot, refresh }: UnitsContext) {
  const { userId, nameOf, rules } = useGame();
  const [cancelled, setCancelled] = useState<Schemas['BuildCancelled'] | null>(null);
  const cancel = useUnitAction(refresh, async (index: number) => {
    setCancelled(null);
    setCancelled(
      await ok(
        api.DELETE('/player/{user_id}/build-queue/{index}', {
          params: { path: { user_id: userId, index }, query: { planet_id: planetId } },
        }),
      ),
    );
  });
  const queue = snapshot.build_queue;
  return (
    <QueueCard
      id="build-queue-title"
      title="Build queue"
      label="Build queue"
      queued={queue.length}
      idle="Nothing is being built on this planet."
      note={
        <>
          <p class="muted queue-note">
            Cancelling an item also cancels the later levels of the same building.
            {rules?.formulas.cancel ? ` Rule: ${rules.formulas.cancel}.` : ''}
          </p>
          <ErrorText error={cancel.error} />
          <SuccessText
            text={
              cancelled ? (
                <>
                  Cancelled{' '}
                  {cancelled.cancelled
                    .map((item) => `${nameOf(item.type)} level ${item.level}`)
                    .join(', ')}
                  . <Refund refund={cancelled.refund} />
                </>
              ) : null
            }
          />
        </>
      }
    >
      {queue.map((item, position) => (
        <BuildQueueRow
          key={item.id}
          item={item}
          running={position === 0}
          label={`${nameOf(item.type)} ${item.action === 'demolish' ? 'down to level' : 'level'} ${item.level}`}
          pending={cancel.pending}
          onCancel={() => void cancel.run(item.index)}
        />
      ))}
    </QueueCard>
  );
}

function BuildQueueRow({
  item,
  running,
  label,
  pending,
  onCancel,
}: {
  item: QueueItem;
  running: boolean;
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const textId = `build-item-${item.id}`;
  return (
    <li>
      <span class="tag">{running ? 'Building' : 'Waiting'}</span>
      <span id={textId} class="queue-what">
        {label}
      </span>
      <Countdown until={item.completion_time} />
      <span class="muted">
        {running ? 'done at' : `starts ${formatTime(item.start_time)}, done at`}{' '}
        {formatTime(item.completion_time)}
      </span>
      <button
        type="button"
        class="ghost small queue-cancel"
        aria-describedby={textId}
        disabled={pending}
        onClick={onCancel}
      >
        Cancel
      </button>
    </li>
  );
}
