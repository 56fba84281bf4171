import { z } from 'zod';
import { NOTIFIED_EVENT_TYPES } from '../application/records.ts';
import { DOCUMENT_KINDS } from '../domain/documents/kinds.ts';
import { instantOut } from './fields.schemas.ts';
import { pageOf } from './responses.schemas.ts';

export const notificationOut = z.object({
  id: z.number().int(),
  type: z
    .enum(NOTIFIED_EVENT_TYPES)
    .meta({ description: 'L’événement : document.signed, document.refused ou document.expired' }),
  at: instantOut,
  readAt: instantOut.nullable(),
  documentId: z.uuid().nullable(),
  engagementId: z.uuid().nullable(),
  document: z
    .object({ kind: z.enum(DOCUMENT_KINDS), number: z.string().nullable(), title: z.string() })
    .nullable(),
  companyName: z.string().nullable(),
  reason: z.string().nullable().meta({ description: 'Le motif d’un refus, tel que le signataire l’a écrit' }),
});

/** A page of the caller's notifications, newest first, with how many are unread in all. */
export const notificationsOut = pageOf(notificationOut).extend({
  unread: z.number().int().meta({ description: 'Notifications non lues, en tout' }),
});

export const markReadBody = z
  .strictObject({
    ids: z
      .array(z.number().int().positive())
      .max(200)
      .optional()
      .meta({ description: 'Les notifications à marquer lues ; absent : toutes' }),
  })
  .nullish();

export const unreadOut = z.object({ unread: z.number().int() });
