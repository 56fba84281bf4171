import type { LetterInForce, LetterLine } from '../../src/domain/documents/scope.ts';

/** A monthly bookkeeping line of 200,00 €, with overrides. */
export const aLetterLine = (overrides: Partial<LetterLine> = {}): LetterLine => ({
  lineId: 'line-compta',
  serviceId: 'svc-compta',
  label: 'Tenue de la comptabilité',
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 20000,
  vatRateBp: 2000,
  recurrence: 'monthly',
  ...overrides,
});

/** A signed letter effective on 1 January 2026, with one bookkeeping line unless told otherwise. */
export const aLetterInForce = (overrides: Partial<LetterInForce> = {}): LetterInForce => ({
  id: 'lm-1',
  number: 'LM-2026-0001',
  effectiveDate: '2026-01-01',
  replacedFrom: null,
  lines: [aLetterLine()],
  ...overrides,
});
