import type { OneOffLine } from '../../../src/domain/billing/one-offs.ts';
import type { BillingLetter } from '../../../src/domain/billing/schedule.ts';
import type { SignedAmendment } from '../../../src/domain/documents/scope.ts';
import { aLetterLine } from '../../builders/scope.ts';

/**
 * Issue 17's worked cases: a letter of 1 200,00 €/year from 01/01/2027, an amendment of
 * +600,00 €/year from 01/04/2027, a replacement at 1,03 from 01/01/2028 (1 854,00 €/year).
 */
export const letter2027 = (overrides: Partial<BillingLetter> = {}): BillingLetter => ({
  id: 'lm-1',
  number: 'LM-2027-0001',
  effectiveDate: '2027-01-01',
  replacedFrom: null,
  replacesOthers: false,
  lines: [aLetterLine({ lineId: 'l-compta', unitPriceCents: 10000 })],
  ...overrides,
});

export const amendment2027: SignedAmendment = {
  id: 'av-1',
  number: 'LM-2027-0001-A01',
  letterId: 'lm-1',
  effectiveDate: '2027-04-01',
  changes: [
    {
      op: 'add',
      line: aLetterLine({
        lineId: 'l-paie',
        serviceId: 'svc-paie',
        label: 'Bulletins de paie',
        unitPriceCents: 5000,
      }),
    },
  ],
};

export const replacement2028 = (overrides: Partial<BillingLetter> = {}): BillingLetter => ({
  id: 'lms-1',
  number: 'LMS-2027-0001',
  effectiveDate: '2028-01-01',
  replacedFrom: null,
  replacesOthers: true,
  lines: [
    aLetterLine({ lineId: 'r-compta', unitPriceCents: 10300 }),
    aLetterLine({
      lineId: 'r-paie',
      serviceId: 'svc-paie',
      label: 'Bulletins de paie',
      unitPriceCents: 5150,
    }),
  ],
  ...overrides,
});

/** The whole story: the 2027 letter replaced on 01/01/2028 by the revalued one. */
export const storyLetters = (replacement: Partial<BillingLetter> = {}): BillingLetter[] => [
  letter2027({ replacedFrom: '2028-01-01' }),
  replacement2028(replacement),
];

/** A one-off line of a work order signed on 02/05/2027 (issue 17), not done yet unless told. */
export const aOneOff = (overrides: Partial<OneOffLine> = {}): OneOffLine => ({
  documentId: 'bi-1',
  number: 'BI-2027-0001',
  lineId: 'bi-line-1',
  label: 'Attestation particulière',
  quantity: '1',
  unitPriceCents: 15000,
  vatRateBp: 2000,
  trigger: 'done',
  signedOn: '2027-05-02',
  doneOn: null,
  ...overrides,
});
