import { describe, expect, it } from 'vitest';
import {
  billingSchedule,
  monthTotals,
  type ScheduleInput,
} from '../../../src/domain/billing/engagement-schedule.ts';
import {
  type EntryFigures,
  newTally,
  tallySchedule,
  tallyTotals,
} from '../../../src/domain/billing/schedule-totals.ts';
import { aLetterLine } from '../../builders/scope.ts';
import { amendment2027, aOneOff, letter2027, storyLetters } from './worked-cases.ts';

/** A small firm: the worked story, a letter at two VAT rates, a quarterly one, a one-off line. */
const firm: ScheduleInput[] = [
  {
    letters: storyLetters({ endDate: '2028-03-31' }),
    amendments: [amendment2027],
    oneOffs: [aOneOff({ doneOn: '2027-05-15' })],
  },
  {
    letters: [
      letter2027({
        id: 'lm-2',
        number: 'LM-2027-0002',
        effectiveDate: '2027-02-15',
        lines: [
          aLetterLine({ lineId: 'a', unitPriceCents: 8333 }),
          aLetterLine({ lineId: 'b', unitPriceCents: 1001, vatRateBp: 550 }),
        ],
      }),
    ],
    amendments: [],
    oneOffs: [],
  },
  {
    letters: [
      letter2027({
        id: 'lm-3',
        number: 'LM-2027-0003',
        billingPeriod: 'quarterly',
        firstPeriodMonths: 15,
        lines: [aLetterLine({ lineId: 'c', unitPriceCents: 100001, recurrence: 'yearly' })],
      }),
    ],
    amendments: [],
    oneOffs: [
      aOneOff({
        doneOn: '2027-05-15',
        documentId: 'bi-2',
        lineId: 'x',
        trigger: 'signature',
        signedOn: '2027-11-30',
      }),
    ],
  },
  { letters: [], amendments: [], oneOffs: [] },
];

const range = { from: '2026-12', to: '2028-06' };

describe('R-G2 R-G3 a firm’s schedule totalled without its entries (issue 17, 10 000 clients)', () => {
  it('R-G2 gives each month the totals of the entries built one by one, to the cent', () => {
    const entries = firm.flatMap((input) => billingSchedule(input, range));
    const tally = newTally(range);
    for (const input of firm) tallySchedule(tally, input);
    expect(tallyTotals(tally)).toEqual(monthTotals(entries));
    expect(tally.entries.reduce((sum, n) => sum + n, 0)).toBe(entries.length);
  });

  it('R-G2 counts each engagement’s entries per month and hands over their figures', () => {
    const tally = newTally(range);
    const counts = firm.map(() => Array(tally.entries.length).fill(0) as number[]);
    const figures: EntryFigures[] = [];
    firm.forEach((input, i) => {
      tallySchedule(tally, input, { counts: counts[i], visit: (f) => figures.push(f) });
    });
    firm.forEach((input, i) => {
      const perMonth = Array(tally.entries.length).fill(0);
      for (const entry of billingSchedule(input, range))
        perMonth[Number(entry.month.slice(5)) - 12 + (Number(entry.month.slice(0, 4)) - 2026) * 12] += 1;
      expect(counts[i]).toEqual(perMonth);
    });
    const byKey = (list: readonly EntryFigures[]) =>
      list.map((f) => `${f.month}|${f.type}|${f.documentId}|${f.htCents}|${f.vatCents}|${f.ttcCents}`).sort();
    expect(byKey(figures)).toEqual(byKey(firm.flatMap((input) => billingSchedule(input, range))));
  });

  it('R-G2 leaves out the months with nothing due', () => {
    const tally = newTally({ from: '2020-01', to: '2020-02' });
    for (const input of firm) tallySchedule(tally, input);
    expect(tallyTotals(tally)).toEqual([]);
  });
});
