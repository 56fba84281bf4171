import { describe, expect, it } from 'vitest';
import { billingSchedule, monthTotals } from '../../../src/domain/billing/engagement-schedule.ts';
import { instalmentOfCycle } from '../../../src/domain/billing/instalments.ts';
import { letterInstalment, recurringSchedule } from '../../../src/domain/billing/schedule.ts';
import { aLetterLine } from '../../builders/scope.ts';
import { amendment2027, letter2027, replacement2028, storyLetters } from './worked-cases.ts';

const byMonth = (entries: readonly { month: string; htCents: number }[]) =>
  Object.fromEntries(entries.map((e) => [e.month, e.htCents]));

const year = { from: '2027-01', to: '2027-12' };

describe('R-G2 R-G3 the billing schedule of an engagement (issue 17, worked cases)', () => {
  it('R-G3 bills a letter of 1 200,00 €/year from 01/01/2027 in 12 × 100,00', () => {
    const entries = recurringSchedule({ letters: [letter2027()], amendments: [] }, year);
    expect(entries.map((e) => e.htCents)).toEqual(Array(12).fill(10000));
    expect(entries[0]).toMatchObject({
      month: '2027-01',
      type: 'recurring',
      documentId: 'lm-1',
      sourceDocumentId: 'lm-1',
      sourceNumber: 'LM-2027-0001',
      vat: [{ rateBp: 2000, baseCents: 10000, vatCents: 2000 }],
      vatCents: 2000,
      ttcCents: 12000,
    });
  });

  it('R-G2 applies an amendment of +600,00 €/year from 01/04/2027: 100,00 for Jan–Mar, then 150,00', () => {
    const entries = recurringSchedule({ letters: [letter2027()], amendments: [amendment2027] }, year);
    expect(entries.map((e) => e.htCents)).toEqual([...Array(3).fill(10000), ...Array(9).fill(15000)]);
    expect(entries[3]).toMatchObject({ sourceDocumentId: 'av-1', sourceNumber: 'LM-2027-0001-A01' });
    expect(entries[3]?.lines.map((l) => l.label)).toEqual(['Tenue de la comptabilité', 'Bulletins de paie']);
  });

  it('R-G2 stops the replaced letter on 31/12/2027 and bills the replacement 154,50 from January 2028', () => {
    const entries = recurringSchedule(
      { letters: storyLetters(), amendments: [amendment2027] },
      { from: '2027-12', to: '2028-02' },
    );
    expect(entries.map((e) => [e.month, e.documentId, e.htCents])).toEqual([
      ['2027-12', 'lm-1', 15000],
      ['2028-01', 'lms-1', 15450],
      ['2028-02', 'lms-1', 15450],
    ]);
  });

  it('R-G2 bills nothing from April 2028 after a termination ending on 31/03/2028', () => {
    const entries = recurringSchedule(
      { letters: storyLetters({ endDate: '2028-03-31' }), amendments: [amendment2027] },
      { from: '2028-01', to: '2028-12' },
    );
    expect(entries.map((e) => e.month)).toEqual(['2028-01', '2028-02', '2028-03']);
  });

  it('R-G2 never bills a month twice across a replacement starting mid-month: it starts the next month', () => {
    const entries = recurringSchedule(
      {
        letters: [
          letter2027({ replacedFrom: '2027-06-15' }),
          replacement2028({ effectiveDate: '2027-06-15' }),
        ],
        amendments: [],
      },
      year,
    );
    const months = entries.map((e) => e.month);
    expect(new Set(months).size).toBe(months.length);
    expect(entries.find((e) => e.month === '2027-06')?.documentId).toBe('lm-1');
    expect(entries.find((e) => e.month === '2027-07')?.documentId).toBe('lms-1');
  });

  it('R-G2 bills in full the month a new letter starts in, with the scope of its effective date', () => {
    const entry = letterInstalment(letter2027({ effectiveDate: '2027-01-15' }), [], '2027-01');
    expect(entry?.htCents).toBe(10000);
    expect(letterInstalment(letter2027({ effectiveDate: '2027-01-15' }), [], '2026-12')).toBeUndefined();
  });

  it('R-G3 applies a change within a period from the next period', () => {
    const midApril = { ...amendment2027, effectiveDate: '2027-04-15' };
    const entries = recurringSchedule({ letters: [letter2027()], amendments: [midApril] }, year);
    expect(byMonth(entries)['2027-04']).toBe(10000);
    expect(byMonth(entries)['2027-05']).toBe(15000);
  });

  it('R-G3 makes a year of instalments sum to the annual fees: 1 000,00 → 11 × 83,33 + 83,37', () => {
    const letter = letter2027({ lines: [aLetterLine({ unitPriceCents: 100000, recurrence: 'yearly' })] });
    const entries = recurringSchedule(
      { letters: [letter], amendments: [] },
      { from: '2027-01', to: '2028-12' },
    );
    expect(entries.slice(0, 12).map((e) => e.htCents)).toEqual([...Array(11).fill(8333), 8337]);
    expect(entries.slice(12).reduce((sum, e) => sum + e.htCents, 0)).toBe(100000);
  });

  it('R-G3 follows the letter’s first period when it is not a year, then whole years', () => {
    const letter = letter2027({
      firstPeriodMonths: 15,
      lines: [aLetterLine({ unitPriceCents: 100000, recurrence: 'yearly' })],
    });
    const entries = recurringSchedule(
      { letters: [letter], amendments: [] },
      { from: '2027-01', to: '2028-03' },
    );
    expect(entries.reduce((sum, e) => sum + e.htCents, 0)).toBe(125000);
    expect(letterInstalment(letter, [], '2028-04')?.htCents).toBe(8333);
  });

  it('R-G2 bills a quarterly letter in the first month of each quarter of its year', () => {
    const letter = letter2027({ billingPeriod: 'quarterly' });
    const entries = recurringSchedule({ letters: [letter], amendments: [] }, year);
    expect(entries.map((e) => [e.month, e.htCents])).toEqual([
      ['2027-01', 30000],
      ['2027-04', 30000],
      ['2027-07', 30000],
      ['2027-10', 30000],
    ]);
  });

  it('R-G3 gives the last instalment of a cycle what remains of its fees', () => {
    expect(instalmentOfCycle(100000, { months: 12, periodMonths: 1, index: 0 })).toBe(8333);
    expect(instalmentOfCycle(100000, { months: 12, periodMonths: 1, index: 11 })).toBe(8337);
    expect(instalmentOfCycle(100000, { months: 12, periodMonths: 12, index: 0 })).toBe(100000);
  });

  it('R-G2 bills nothing for a letter whose every recurring line an amendment removed', () => {
    const removal = { ...amendment2027, changes: [{ op: 'remove' as const, targetLineId: 'l-compta' }] };
    expect(letterInstalment(letter2027(), [removal], '2027-05')).toBeUndefined();
  });

  it('R-G2 orders an engagement’s schedule by month and number, and totals each month', () => {
    const entries = billingSchedule(
      {
        letters: [letter2027(), letter2027({ id: 'lm-2', number: 'LM-2027-0002' })],
        amendments: [],
        oneOffs: [],
      },
      { from: '2027-01', to: '2027-02' },
    );
    expect(entries.map((e) => `${e.month} ${e.number}`)).toEqual([
      '2027-01 LM-2027-0001',
      '2027-01 LM-2027-0002',
      '2027-02 LM-2027-0001',
      '2027-02 LM-2027-0002',
    ]);
    expect(monthTotals(entries)[0]).toEqual({
      month: '2027-01',
      htCents: 20000,
      vatCents: 4000,
      ttcCents: 24000,
      vat: [{ rateBp: 2000, baseCents: 20000, vatCents: 4000 }],
    });
  });
});

describe('R-G3 the proration of large fees', () => {
  it('R-G3 prorates fees too large for exact doubles in exact integers', async () => {
    const { periodFees } = await import('../../../src/domain/documents/term-period.ts');
    expect(periodFees(2 ** 49, 12)).toBe(2 ** 49);
    expect(periodFees(100_000, 1)).toBe(8_333);
  });
});
