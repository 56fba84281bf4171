import { z } from 'zod';
import { isMonth, monthNumber } from '../domain/billing/months.ts';
import { BRIDGE_MOVEMENTS } from '../domain/billing/revenue-bridge.ts';
import { DOCUMENT_STATUSES } from '../domain/documents/lifecycle.ts';
import { TERMINATION_PARTIES } from '../domain/documents/termination.ts';
import {
  flag,
  frenchObject,
  instantOut,
  isoDay,
  oneOf,
  pagination,
  text,
  uuidField,
  versionField,
} from './fields.schemas.ts';
import { pageOf } from './responses.schemas.ts';

/** A schedule reads at most three years at once: enough for any review, bounded for the server. */
export const MAX_SCHEDULE_MONTHS = 36;

export const monthField = z
  .string({ error: 'Mois attendu au format AAAA-MM.' })
  .refine(isMonth, { error: 'Mois invalide : format attendu AAAA-MM, par exemple 2027-05.' });

type MonthRange = { from?: string | undefined; to?: string | undefined };

/** Both months or neither, in order, 36 months at most. */
const monthRules = <T extends z.ZodType<MonthRange>>(schema: T) =>
  schema
    .refine((q) => (q.from === undefined) === (q.to === undefined), {
      error: 'Indiquez le mois de début et le mois de fin, ou aucun des deux.',
      path: ['to'],
    })
    .refine((q) => !q.from || !q.to || monthNumber(q.to) >= monthNumber(q.from), {
      error: 'Le mois de fin doit suivre ou égaler le mois de début.',
      path: ['to'],
    })
    .refine((q) => !q.from || !q.to || monthNumber(q.to) - monthNumber(q.from) < MAX_SCHEDULE_MONTHS, {
      error: `Période trop longue : ${MAX_SCHEDULE_MONTHS} mois au plus.`,
      path: ['to'],
    });

/** Without from and to: the twelve months from the current one (the use case knows the day). */
export const monthRangeQuery = monthRules(
  z.strictObject({ from: monthField.optional(), to: monthField.optional() }),
);

/** The firm's schedule: the months' totals, and one page of the entries (by month, then client). */
export const firmScheduleQuery = monthRules(
  z.strictObject({
    from: monthField.optional(),
    to: monthField.optional(),
    page: pagination.page,
    pageSize: pagination.pageSize,
  }),
);

export const exportBody = frenchObject({ month: monthField });
export const lineParams = z.object({ id: uuidField, lineId: uuidField });
/** Without a date: today. */
export const dateQuery = z.strictObject({ date: isoDay.optional() });
/** Without dates: from a year ago to today. */
export const dateRangeQuery = z
  .strictObject({ from: isoDay.optional(), to: isoDay.optional() })
  .refine((q) => !q.from || !q.to || q.to >= q.from, {
    error: 'La date de fin doit suivre la date de début.',
    path: ['to'],
  });

export const terminateBody = frenchObject({
  requestedBy: oneOf(TERMINATION_PARTIES),
  reason: text(2000),
  endDate: isoDay,
  agreedOtherwise: flag.default(false),
  /** R-G1: kept in the firm's history, never printed on the letter of termination. */
  reasonConfidential: flag.default(false),
});

/** R-G1: the letter of termination posted as a registered letter (« envoyée en recommandé »). */
export const registeredMailBody = frenchObject({
  number: text(40).meta({ description: 'Le numéro du recommandé (par exemple 1A 123 456 7890 1)' }),
  sentOn: isoDay.meta({ description: 'Le jour où la lettre a été postée' }),
  version: versionField.optional(),
});

export const lineDoneBody = frenchObject({ doneOn: isoDay.optional() }).optional();

export const terminationOut = z.object({
  id: z.string(),
  letterId: z.string(),
  engagementId: z.string(),
  requestedBy: z.enum(TERMINATION_PARTIES),
  reason: z.string(),
  noticeGivenOn: z.string(),
  endDate: z.string(),
  earliestEndDate: z.string(),
  agreedOtherwise: z.boolean(),
  noticeRespected: z.boolean(),
  reasonConfidential: z.boolean(),
  terminationDocumentId: z.string().nullable(),
  /** The letter of termination (« FM-… »): its number once sent, its status. */
  terminationDocument: z
    .object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.enum(DOCUMENT_STATUSES),
      /** The version the letter's page sends (the send dialog checks nobody changed it since). */
      version: z.number().int(),
      sentAt: instantOut.nullable(),
      signedAt: instantOut.nullable(),
    })
    .nullable(),
  registeredMailNumber: z.string().nullable(),
  registeredMailSentOn: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instantOut,
});

export const lineDoneOut = z.object({ lineId: z.string(), doneOn: z.string(), alreadyDone: z.boolean() });

/** The domain hands back readonly arrays. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const vatOut = z.object({ rateBp: z.number(), baseCents: z.number(), vatCents: z.number() });

export const scheduleEntryOut = z.object({
  month: z.string(),
  type: z.enum(['recurring', 'one_off']),
  engagementId: z.string(),
  clientName: z.string(),
  clientCode: z.string().nullable(),
  documentId: z.string(),
  number: z.string().nullable(),
  sourceDocumentId: z.string(),
  sourceNumber: z.string().nullable(),
  lines: list(
    z.object({ lineId: z.string(), label: z.string(), amountCents: z.number(), vatRateBp: z.number() }),
  ),
  vat: list(vatOut),
  htCents: z.number(),
  vatCents: z.number(),
  ttcCents: z.number(),
});

export const scheduleOut = z.object({
  from: z.string(),
  to: z.string(),
  entries: list(scheduleEntryOut),
  months: list(
    z.object({
      month: z.string(),
      htCents: z.number(),
      vatCents: z.number(),
      ttcCents: z.number(),
      vat: list(vatOut),
    }),
  ),
  exportedMonths: list(z.string()),
  adjustments: list(
    z.object({
      month: z.string(),
      type: z.enum(['recurring', 'one_off']),
      documentId: z.string(),
      number: z.string().nullable(),
      exportedHtCents: z.number(),
      currentHtCents: z.number(),
      deltaHtCents: z.number(),
      deltaTtcCents: z.number(),
    }),
  ),
});

/** The firm's schedule: every month's totals, one page of the entries (issue 17). */
export const firmScheduleOut = scheduleOut.extend({ entries: pageOf(scheduleEntryOut) });

export const monthExportOut = z.object({
  month: z.string(),
  exportedAt: instantOut,
  entries: z.number(),
  alreadyExported: z.boolean(),
});

const shareOut = z.object({ key: z.string(), annualCents: z.number() });

export const revenueOut = z.object({
  date: z.string(),
  totalCents: z.number(),
  byDomain: list(shareOut),
  byResponsible: list(shareOut),
  byClient: list(shareOut.extend({ clientName: z.string() })),
});

const movementsOut = z.object(
  Object.fromEntries(BRIDGE_MOVEMENTS.map((k) => [k, z.number()])) as Record<
    (typeof BRIDGE_MOVEMENTS)[number],
    z.ZodNumber
  >,
);

export const bridgeOut = z.object({
  from: z.string(),
  to: z.string(),
  startCents: z.number(),
  movements: movementsOut,
  endCents: z.number(),
  clients: list(
    z.object({
      engagementId: z.string(),
      clientName: z.string(),
      startCents: z.number(),
      movements: movementsOut,
      endCents: z.number(),
    }),
  ),
});
