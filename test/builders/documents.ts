import type { Document, DocumentLine } from '../../src/domain/documents/document.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { DRAFT_LIFECYCLE } from '../../src/domain/documents/lifecycle.ts';

/** A monthly bookkeeping line of 200,00 € HT, with overrides. */
export const aDocumentLine = (overrides: Partial<DocumentLine> = {}): DocumentLine => ({
  id: 'line-compta',
  position: 0,
  operation: 'line',
  targetLineId: null,
  originLineId: null,
  changedFields: null,
  serviceId: 'svc-compta',
  label: 'Tenue de la comptabilité',
  description: null,
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 20_000,
  vatRateBp: 2_000,
  recurrence: 'monthly',
  ...overrides,
});

/**
 * A document as the store hands it to the use cases: by default an engagement letter signed on
 * 5 January 2026, effective on 1 January 2026, with one bookkeeping line. Totals follow the lines.
 */
export const aDocument = (overrides: Partial<Document> = {}): Document => {
  const lines = overrides.lines ?? [aDocumentLine()];
  return {
    id: 'lm-1',
    engagementId: 'eng-1',
    kind: 'engagement_letter',
    ...DRAFT_LIFECYCLE,
    status: 'signed',
    number: 'LM-2026-0001',
    sentAt: new Date('2026-01-02T09:00:00Z'),
    signedAt: new Date('2026-01-05T09:00:00Z'),
    title: 'Lettre de mission',
    validUntil: null,
    effectiveDate: '2026-01-01',
    durationMonths: 12,
    renewal: 'tacit',
    noticeMonths: 3,
    billingPeriod: 'monthly',
    paymentTerms: null,
    revisionClause: null,
    notes: null,
    termsVersionId: 'terms-1',
    amendsLetterId: null,
    sourceProposalId: null,
    duplicatedFromId: null,
    coefficient: null,
    replacesIds: [],
    basedOnAmendmentIds: null,
    campaignId: null,
    firmSignatoryId: null,
    totals: computeTotals(lines),
    signingDeadline: null,
    frozen: null,
    createdBy: 'user-1',
    version: 1,
    createdAt: new Date('2026-01-02T08:00:00Z'),
    updatedAt: new Date('2026-01-05T09:00:00Z'),
    ...overrides,
    lines,
  };
};

/** A signed amendment of `letterId` that adds seven payslips a month from its effective date. */
export const anAmendment = (letterId: string, overrides: Partial<Document> = {}): Document =>
  aDocument({
    id: 'av-1',
    kind: 'amendment',
    number: 'LM-2026-0001-A01',
    amendsLetterId: letterId,
    effectiveDate: '2026-03-01',
    lines: [
      aDocumentLine({
        id: 'line-paie',
        operation: 'add',
        serviceId: 'svc-paie',
        label: 'Bulletin de paie',
        unitLabel: 'bulletin',
        quantity: '7',
        unitPriceCents: 2_500,
      }),
    ],
    ...overrides,
  });
