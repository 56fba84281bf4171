import { describe, expect, it } from 'vitest';
import { scheduleAdjustments } from '../../../src/domain/billing/adjustments.ts';
import { recurringSchedule } from '../../../src/domain/billing/schedule.ts';
import { amendment2027, letter2027 } from './worked-cases.ts';

describe('issue 17 item 3: a month exported is adjusted, not rewritten', () => {
  const range = { from: '2027-03', to: '2027-05' };
  const exported = recurringSchedule({ letters: [letter2027()], amendments: [] }, range);
  const exportedMonths = new Set(['2027-03', '2027-04']);

  it('R-G2 reports the change of an exported month as an adjustment', () => {
    const now = recurringSchedule({ letters: [letter2027()], amendments: [amendment2027] }, range);
    expect(
      scheduleAdjustments(
        exported.filter((e) => exportedMonths.has(e.month)),
        now,
        exportedMonths,
      ),
    ).toEqual([
      {
        month: '2027-04',
        type: 'recurring',
        documentId: 'lm-1',
        number: 'LM-2027-0001',
        exportedHtCents: 10000,
        currentHtCents: 15000,
        deltaHtCents: 5000,
        deltaTtcCents: 6000,
      },
    ]);
  });

  it('R-G2 reports an entry gone (a termination back-dated) as its whole amount taken back', () => {
    const now = recurringSchedule(
      { letters: [letter2027({ endDate: '2027-03-31' })], amendments: [] },
      range,
    );
    const adjustments = scheduleAdjustments(exported, now, exportedMonths);
    expect(adjustments.map((a) => [a.month, a.deltaHtCents])).toEqual([
      ['2027-04', -10000],
      ['2027-05', -10000],
    ]);
  });

  it('R-G2 reports nothing when the exported months did not change', () => {
    expect(scheduleAdjustments(exported, exported, new Set(['2027-03', '2027-04', '2027-05']))).toEqual([]);
  });
});
