import { Type } from '@fastify/type-provider-typebox';
import {
  deleteNotification,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../sim/commands/notifications.js';
import { notificationView } from '../../sim/views/notifications.js';
import { notificationPage } from '../../store/histories.js';
import { Pagination, StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['notifications'];
const security = [{ bearerAuth: [] }];
const NotificationIdParams = Type.Object({
  notification_id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
});

/** Stored notifications: newest first, read marks, deletion; the unread count is in GET /player. */
export const notificationRoutes: RouteModule =
  ({ runtime, store }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/notifications',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: "The player's notifications, newest first (unread=true for unread ones only)",
          params: UserIdParams,
          querystring: Type.Object({
            ...Pagination(200, 50).properties,
            unread: Type.Boolean({ default: false }),
          }),
          response: StandardResponses,
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
          notifications: rows.map(notificationView),
          unread_notifications: runtime.read((ctx) => ctx.world.inboxes.unreadCount(userId)),
        };
      },
    );

    app.post(
      '/notifications/:notification_id/read',
      {
        preHandler: guards.authenticate,
        schema: {
          tags,
          security,
          summary: 'Mark one notification read',
          params: NotificationIdParams,
          response: StandardResponses,
        },
      },
      async (request) => {
        const result = await runtime.execute(markNotificationRead, {
          userId: request.auth!.user.id,
          id: request.params.notification_id,
        });
        return {
          read: true,
          id: result.id,
          already_read: !result.changed,
          unread_notifications: result.unread,
        };
      },
    );

    app.post(
      '/player/:user_id/notifications/read-all',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Mark every notification read',
          params: UserIdParams,
          response: StandardResponses,
        },
      },
      async (request) => {
        const marked = await runtime.execute(markAllNotificationsRead, {
          userId: request.params.user_id,
        });
        return { read: marked, unread_notifications: 0 };
      },
    );

    app.delete(
      '/notifications/:notification_id',
      {
        preHandler: guards.authenticate,
        schema: {
          tags,
          security,
          summary: 'Delete one notification',
          params: NotificationIdParams,
          response: StandardResponses,
        },
      },
      async (request) => {
        const result = await runtime.execute(deleteNotification, {
          userId: request.auth!.user.id,
          id: request.params.notification_id,
        });
        return { deleted: true, id: result.id, unread_notifications: result.unread };
      },
    );
  };
