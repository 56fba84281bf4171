import { describe, expect, it } from 'vitest';
import { amendmentTotalsOf } from '../../../src/domain/documents/amendment-totals.ts';
import { summariseChanges } from '../../../src/domain/documents/change-summary.ts';
import { periodInstalments } from '../../../src/domain/documents/content/billing-period-wording.ts';
import { documentContent, textOfContent } from '../../../src/domain/documents/content/document-content.ts';
import { describeSchedule, instalmentSchedule } from '../../../src/domain/documents/content/fee-tables.ts';
import { aDocumentFacts, aLineFacts } from '../../builders/document-facts.ts';

/** A letter's recurring line of `annualCents` a year, billed at its own rhythm. */
const yearlyLine = (annualCents: number) => aLineFacts({ unitPriceCents: annualCents, recurrence: 'yearly' });

/** The blocks' words, French spaces (no-break, narrow) read as plain spaces. */
const textOf = (blocks: readonly unknown[]) => JSON.stringify(blocks).replace(/[\u00a0\u202f]/g, ' ');

describe('R-G2 R-G3 a letter states its billing period and instalments in its fees section', () => {
  it('R-G3 splits 1 236,00 € quarterly into 4 × 309,00 € and 1 000,00 € into 4 × 250,00 €', () => {
    expect(periodInstalments(123_600, 12, 'quarterly')).toEqual([30_900, 30_900, 30_900, 30_900]);
    expect(periodInstalments(100_000, 12, 'quarterly')).toEqual([25_000, 25_000, 25_000, 25_000]);
    // The last one takes the remainder: the year sums exactly.
    expect(periodInstalments(100_001, 12, 'quarterly')).toEqual([25_000, 25_000, 25_000, 25_001]);
    expect(periodInstalments(123_600, 12, 'yearly')).toEqual([123_600]);
  });

  it('R-G2 a quarterly letter says « Facturation trimestrielle », its four instalments and their months', () => {
    const lines = [yearlyLine(123_600)];
    const text = textOf(instalmentSchedule(aDocumentFacts({ lines, billingPeriod: 'quarterly' })));
    expect(text).toContain('Échéancier trimestriel');
    expect(text).toContain('Facturation trimestrielle.');
    expect(text).toContain('4 échéances trimestrielles de 309,00 € HT, de janvier 2027 à octobre 2027');
    expect(text).toContain('chaque exercice est réglé en 4 échéances trimestrielles');
    for (const month of ['janvier 2027', 'avril 2027', 'juillet 2027', 'octobre 2027'])
      expect(text).toContain(month);
    expect(text).not.toContain('février 2027');
  });

  it('R-G2 a yearly letter is billed once a year; a consumer reads it with its taxes', () => {
    const facts = aDocumentFacts({
      lines: [yearlyLine(123_600)],
      billingPeriod: 'yearly',
      client: { ...aDocumentFacts().client, isIndividual: true },
    });
    const text = textOf(instalmentSchedule(facts));
    expect(text).toContain('Facturation annuelle.');
    expect(text).toContain('1 échéance annuelle de 1 236,00 € HT');
    expect(text).toContain('1 échéance annuelle de 1 483,20 € TTC');
  });

  it('R-G3 names the last quarterly instalment when it takes the rounding', () => {
    expect(textOf([describeSchedule([25_000, 25_000, 25_000, 25_001], 'HT', 'quarterly')])).toContain(
      '3 échéances trimestrielles de 250,00 € HT, puis une dernière de 250,01 € HT',
    );
  });

  it('R-G2 a monthly letter (or one frozen before the period existed) keeps its monthly schedule', () => {
    const text = textOf(instalmentSchedule(aDocumentFacts({ lines: [yearlyLine(123_600)] })));
    expect(text).toContain('Échéancier mensuel');
    expect(text).toContain('12 mensualités de 103,00 € HT');
    expect(text).not.toContain('Facturation');
  });

  it('R-G2 an amendment of a quarterly letter states the new quarterly instalment, with and without VAT', () => {
    const before = [{ ...aLineFacts(), key: 'a' }];
    const after = [
      ...before,
      { ...aLineFacts({ label: 'Paie', unitPriceCents: 10_000, recurrence: 'monthly' }), key: 'b' },
    ];
    const summary = { ...summariseChanges(before, after), effectiveDate: '2027-04-01' };
    const facts = aDocumentFacts({
      kind: 'amendment',
      effectiveDate: '2027-04-01',
      billingPeriod: 'quarterly',
      amendment: { letterNumber: 'LM-2026-0001', letterSignedOn: '2026-01-10', summary },
    });
    const words = textOf(textOfContent(documentContent(facts)));
    expect(words).toContain(
      'À compter du 01/04/2027, l’échéance trimestrielle des honoraires récurrents de la lettre est de 600,00 € HT, soit 720,00 € TTC, payable',
    );
    expect(words).not.toContain('mensualité des honoraires');
  });
});

describe('R-G2 an amendment’s impact gives the instalment of its letter’s billing period', () => {
  const line = (annualCents: number) => ({
    quantity: '1',
    unitPriceCents: annualCents,
    vatRateBp: 2000,
    recurrence: 'yearly' as const,
  });
  const impact = (billingPeriod?: 'monthly' | 'quarterly' | 'yearly') =>
    amendmentTotalsOf({
      before: [line(61_800)],
      after: [line(123_600)],
      effectiveDate: '2027-07-01',
      ...(billingPeriod ? { billingPeriod } : {}),
    });

  it('quarterly: 1 236,00 € a year is an instalment of 309,00 € HT, 370,80 € TTC; the monthly figures keep their meaning', () => {
    expect(impact('quarterly')).toMatchObject({
      billingPeriod: 'quarterly',
      newInstalmentHtCents: 30_900,
      newInstalmentTtcCents: 37_080,
      newMonthlyInstalmentHtCents: 10_300,
      newMonthlyInstalmentTtcCents: 12_360,
    });
  });

  it('yearly: one instalment of the whole year; monthly (the default): the monthly instalment', () => {
    expect(impact('yearly')).toMatchObject({ newInstalmentHtCents: 123_600, newInstalmentTtcCents: 148_320 });
    expect(impact()).toMatchObject({
      billingPeriod: 'monthly',
      newInstalmentHtCents: 10_300,
      newInstalmentTtcCents: 12_360,
      newMonthlyInstalmentHtCents: 10_300,
    });
  });
});
