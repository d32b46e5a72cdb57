import {
  deleteNotification,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../sim/commands/notifications.js';
import type { Static } from 'typebox';
import type { PlainRow } from '../../sim/changes.js';
import { notificationView } from '../../sim/views/notifications.js';
import { notificationPage } from '../../store/histories.js';
import {
  NotificationDeleted,
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  NotificationRead,
  NotificationsRead,
} from '../contract/notifications.js';
import { replies } from '../contract/responses.js';
import type { Notification } from '../contract/shapes.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['notifications'];

// The view types `priority` as a string and `payload` as unknown (it parses stored JSON); both
// are what the contract says, and the response checker holds every answer to it in tests.
const notificationOf = (row: PlainRow) => notificationView(row) as Static<typeof Notification>;
const security = [{ bearerAuth: [] }];

/** Stored notifications: newest first, read marks, deletion; the unread count is in GET /player. */
export const notificationRoutes: RouteModule =
  ({ runtime, ledger, store }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/notifications',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'listNotifications',
          summary: "The player's notifications, newest first (unread=true for unread ones only)",
          params: UserIdParams,
          querystring: NotificationListQuery,
          response: replies(NotificationList, { access: 'player' }),
        },
      },
      async (request) => {
        const userId = request.params.user_id;
        const { limit, offset, unread } = request.query;
        // Notifications created by events this server already applied are written first.
        await runtime.flush();
        const rows = await store.read((db) =>
          notificationPage(db, userId, { limit, offset, unreadOnly: unread }),
        );
        return {
          notifications: rows.map(notificationOf),
          unread_notifications: runtime.read((ctx) => ctx.world.inboxes.unreadCount(userId)),
        };
      },
    );

    app.post(
      '/notifications/:notification_id/read',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'markNotificationRead',
          summary: 'Mark one of your notifications read',
          params: NotificationParams,
          response: replies(NotificationRead, { access: 'token', errors: [404] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          markNotificationRead,
          {
            userId: request.auth!.user.id,
            id: request.params.notification_id,
          },
          (result) => ({
            read: true as const,
            id: result.id,
            already_read: !result.changed,
            unread_notifications: result.unread,
          }),
        );
      },
    );

    app.post(
      '/player/:user_id/notifications/read-all',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'markAllNotificationsRead',
          summary: 'Mark every notification of the player read',
          params: UserIdParams,
          response: replies(NotificationsRead, { access: 'player' }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          markAllNotificationsRead,
          {
            userId: request.params.user_id,
          },
          (marked) => ({ read: marked, unread_notifications: 0 as const }),
        );
      },
    );

    app.delete(
      '/notifications/:notification_id',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'deleteNotification',
          summary: 'Delete one of your notifications',
          params: NotificationParams,
          response: replies(NotificationDeleted, { access: 'token', errors: [404] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          deleteNotification,
          {
            userId: request.auth!.user.id,
            id: request.params.notification_id,
          },
          (result) => ({
            deleted: true as const,
            id: result.id,
            unread_notifications: result.unread,
          }),
        );
      },
    );
  };
