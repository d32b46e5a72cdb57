import { ok } from '@ogame-like/sdk';
import { useState } from 'preact/hooks';
import { Empty, ErrorText, Screen, WhenLoaded } from '../components/bits';
import { PagesNav } from '../components/Pager';
import { api } from '../lib/api';
import { formatTime } from '../lib/format';
import { useGame } from '../lib/game';
import { unreadCount, useMessages } from '../lib/live';
import { useAction, useLoad } from '../lib/load';
import { wording, type Notification, type WordingContext } from './MessageText';
import { usePlayerNames } from './ReportNames';
import './Messages.css';

const PAGE = 30;

/** The player's notifications, newest first: read them, mark them read, delete them. */
export function Messages() {
  const { userId, nameOf, planets, link } = useGame();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useLoad(async () => {
    const answer = await ok(
      api.GET('/player/{user_id}/notifications', {
        params: {
          path: { user_id: userId },
          query: { limit: PAGE, offset, ...(unreadOnly ? { unread: true } : {}) },
        },
      }),
    );
    unreadCount.value = answer.unread_notifications;
    return answer.notifications;
  }, [userId, unreadOnly, offset]);
  useMessages(['notification'], () => list.reload());
  const playerName = usePlayerNames();

  const markAll = useAction(async () => {
    const answer = await ok(
      api.POST('/player/{user_id}/notifications/read-all', {
        params: { path: { user_id: userId } },
      }),
    );
    unreadCount.value = answer.unread_notifications;
    list.reload();
  });

  const ctx: WordingContext = {
    userId,
    nameOf,
    link,
    planetName: (id) => planets.data?.find((planet) => planet.id === id)?.name,
    playerName,
  };

  const actions = (
    <div class="actions">
      <label class="check">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(event) => {
            setUnreadOnly((event.currentTarget as HTMLInputElement).checked);
            setOffset(0);
          }}
        />
        Unread only
      </label>
      <button
        type="button"
        class="small"
        disabled={markAll.pending || unreadCount.value === 0}
        onClick={() => void markAll.run()}
      >
        Mark all read
      </button>
    </div>
  );

  return (
    <Screen title="Messages" actions={actions}>
      <ErrorText error={markAll.error} />
      <div class="card">
        <WhenLoaded data={list.data} error={list.error}>
          {(notifications) => (
            <>
              <p class="muted messages-count" aria-live="polite">
                {unreadCount.value === 0
                  ? 'No unread messages.'
                  : `${unreadCount.value} unread message${unreadCount.value === 1 ? '' : 's'}.`}
              </p>
              {notifications.length === 0 ? (
                <Empty>
                  {unreadOnly
                    ? 'Nothing unread.'
                    : offset > 0
                      ? 'No older messages.'
                      : 'No messages yet. Finished buildings, battles and trades are reported here.'}
                </Empty>
              ) : (
                <ul class="notifications" aria-label="Notifications">
                  {notifications.map((n) => (
                    <NotificationItem key={n.id} n={n} ctx={ctx} onChange={list.reload} />
                  ))}
                </ul>
              )}
              <PagesNav
                offset={offset}
                size={PAGE}
                count={notifications.length}
                onChange={setOffset}
              />
            </>
          )}
        </WhenLoaded>
      </div>
    </Screen>
  );
}

function NotificationItem({
  n,
  ctx,
  onChange,
}: {
  n: Notification;
  ctx: WordingContext;
  onChange: () => void;
}) {
  const unread = n.read_at === null;
  const path = { notification_id: n.id };
  // Both answers carry the new unread count: the badge follows at once, then the list.
  const counted = async (call: Promise<{ unread_notifications: number }>) => {
    unreadCount.value = (await call).unread_notifications;
    onChange();
  };
  const markRead = useAction(() =>
    counted(ok(api.POST('/notifications/{notification_id}/read', { params: { path } }))),
  );
  const remove = useAction(() =>
    counted(ok(api.DELETE('/notifications/{notification_id}', { params: { path } }))),
  );
  const said = wording(n, ctx);
  return (
    <li class={`notification priority-${n.priority} ${unread ? 'unread' : ''}`}>
      <div class="notification-head">
        <h2 class="notification-title">
          {said.title}
          {unread ? <span class="sr-only"> (unread)</span> : null}
        </h2>
        {unread ? (
          <span class="tag notification-new" aria-hidden="true">
            New
          </span>
        ) : null}
        <time dateTime={n.created_at} class="muted">
          {formatTime(n.created_at)}
        </time>
      </div>
      <p class="notification-text">
        {said.text}
        {said.more ? (
          <>
            {' '}
            <a href={said.more.href}>{said.more.label}</a>
          </>
        ) : null}
      </p>
      <div class="actions">
        {unread ? (
          <button
            type="button"
            class="small"
            disabled={markRead.pending}
            onClick={() => void markRead.run()}
          >
            Mark read
          </button>
        ) : null}
        <button
          type="button"
          class="small danger"
          disabled={remove.pending}
          onClick={() => void remove.run()}
        >
          Delete
        </button>
      </div>
      <ErrorText error={markRead.error ?? remove.error} />
    </li>
  );
}
