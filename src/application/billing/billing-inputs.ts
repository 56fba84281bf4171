import type { ScheduleInput } from '../../domain/billing/engagement-schedule.ts';
import { defaultOneOffTrigger, type OneOffLine } from '../../domain/billing/one-offs.ts';
import type { RevenueEngagement } from '../../domain/billing/recurring-revenue.ts';
import type { BillingLetter } from '../../domain/billing/schedule.ts';
import { isLetterKind } from '../../domain/documents/kinds.ts';
import { scopeInputs } from '../../domain/documents/scope-inputs.ts';
import { firstPeriodOf } from '../../domain/documents/term-period.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { BillingDocument, BillingRecord } from '../ports/index.ts';

/** The one-off lines of the signed letters and work orders, each with the day it is billed (R-G2). */
const oneOffLines = (record: BillingRecord): OneOffLine[] =>
  record.documents
    .filter((doc) => doc.kind === 'work_order' || isLetterKind(doc.kind))
    .flatMap((doc) => {
      const oneOffs = doc.lines.filter((line) => line.recurrence === 'one_off');
      if (oneOffs.length === 0) return [];
      // One Paris date a document (the formatter is the costly part of a portfolio's schedule).
      const signedOn = parisDate(doc.signedAt ?? doc.createdAt);
      return oneOffs.map((line) => ({
        documentId: doc.id,
        number: doc.number,
        lineId: line.id,
        label: line.label,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        trigger: defaultOneOffTrigger(doc.kind),
        signedOn,
        doneOn: record.completions.get(line.id) ?? null,
      }));
    });

/**
 * First periods already computed in one pass over a portfolio: its letters share a few dates and
 * closings. One cache a computation (scheduleInputsOf), dropped with it.
 */
export type FirstPeriods = Map<string, number>;

/** R-G3: a letter's instalments follow its first period, as its own instalment table does. */
const firstPeriodMonths = (
  firstPeriods: FirstPeriods,
  doc: BillingDocument,
  effectiveDate: string,
  fiscalYearEnd: string,
): number => {
  const key = `${effectiveDate}|${fiscalYearEnd}|${doc.noticeMonths}|${doc.durationMonths}`;
  const known = firstPeriods.get(key);
  if (known !== undefined) return known;
  const { months } = firstPeriodOf({
    effectiveDate,
    fiscalYearEnd,
    noticeMonths: doc.noticeMonths,
    durationMonths: doc.durationMonths,
  });
  firstPeriods.set(key, months);
  return months;
};

/** R-G2: what an engagement's schedule is computed from: its documents with effect (R-B1). */
export const scheduleInputOf = (
  record: BillingRecord,
  firstPeriods: FirstPeriods = new Map(),
): ScheduleInput => {
  const { letters, amendments } = scopeInputs(record.documents);
  const byId = new Map(record.documents.map((doc) => [doc.id, doc]));
  const billingLetters: BillingLetter[] = letters.map((letter) => {
    const doc = byId.get(letter.id) as BillingDocument;
    return {
      ...letter,
      replacesOthers: doc.kind === 'replacement_letter',
      billingPeriod: doc.billingPeriod,
      firstPeriodMonths: firstPeriodMonths(firstPeriods, doc, letter.effectiveDate, record.fiscalYearEnd),
    };
  });
  return { letters: billingLetters, amendments, oneOffs: oneOffLines(record) };
};

/** The schedule inputs of the records of one pass (a listRecords), sharing their first periods. */
export const scheduleInputsOf = (records: readonly BillingRecord[]): ScheduleInput[] => {
  const firstPeriods: FirstPeriods = new Map();
  return records.map((record) => scheduleInputOf(record, firstPeriods));
};

/** R-G4: what an engagement's recurring revenue is computed from. */
export const revenueEngagementOf = (record: BillingRecord): RevenueEngagement => ({
  engagementId: record.engagementId,
  clientName: record.clientName,
  responsibleUserId: record.responsibleUserId,
  ...scopeInputs(record.documents),
});
