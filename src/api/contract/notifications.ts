// Schemas of the notification routes. An item is the `Notification` of shapes.ts (the same
// object the WebSocket `notification` message carries); the answers add the unread count the
// client shows, so it never has to re-read GET /player after a read mark.
import { Type } from 'typebox';
import { Id, Named, Obj } from './kit.js';
import { Defaulted, pageFields } from './query.js';
import { Notification } from './shapes.js';

const Unread = Type.Integer({ minimum: 0, description: "The player's unread notifications now." });

export const NotificationListQuery = Obj({
  ...pageFields(200, 50),
  unread: Defaulted(Type.Boolean({ default: false, description: 'Only unread notifications.' })),
});

export const NotificationParams = Obj({ notification_id: Id() });

export const NotificationList = Named(
  'NotificationList',
  Obj({
    notifications: Type.Array(Notification, { description: 'Newest first.' }),
    unread_notifications: Unread,
  }),
);

export const NotificationRead = Named(
  'NotificationRead',
  Obj({
    read: Type.Literal(true),
    id: Id(),
    already_read: Type.Boolean({ description: 'It was read before: nothing changed.' }),
    unread_notifications: Unread,
  }),
);

export const NotificationsRead = Named(
  'NotificationsRead',
  Obj({
    read: Type.Integer({ minimum: 0, description: 'How many were unread and are read now.' }),
    unread_notifications: Type.Literal(0),
  }),
);

export const NotificationDeleted = Named(
  'NotificationDeleted',
  Obj({ deleted: Type.Literal(true), id: Id(), unread_notifications: Unread }),
);
