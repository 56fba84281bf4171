import { describe, expect, it } from 'vitest';
import { billingSchedule, monthTotals } from '../../../src/domain/billing/engagement-schedule.ts';
import {
  defaultOneOffTrigger,
  oneOffBillingDate,
  oneOffSchedule,
} from '../../../src/domain/billing/one-offs.ts';
import { aOneOff } from './worked-cases.ts';

describe('R-G2 one-off lines', () => {
  it('R-G2 bills a work-order line marked done on 15/05/2027 in May 2027, once (issue 17, worked case)', () => {
    const line = aOneOff({ doneOn: '2027-05-15' });
    const entries = oneOffSchedule([line], { from: '2027-01', to: '2027-12' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ month: '2027-05', type: 'one_off', htCents: 15000, ttcCents: 18000 });
  });

  it('R-G2 bills nothing while the line is not done', () => {
    expect(oneOffSchedule([aOneOff()], { from: '2027-01', to: '2027-12' })).toEqual([]);
    expect(oneOffBillingDate(aOneOff())).toBeNull();
  });

  it('R-G2 bills a letter’s one-off line at the signature', () => {
    expect(defaultOneOffTrigger('engagement_letter')).toBe('signature');
    expect(defaultOneOffTrigger('work_order')).toBe('done');
    expect(oneOffBillingDate(aOneOff({ trigger: 'signature' }))).toBe('2027-05-02');
  });

  it('R-G2 groups the lines of one document in one month and leaves out the months not asked for', () => {
    const lines = [
      aOneOff({ doneOn: '2027-05-15' }),
      aOneOff({
        lineId: 'bi-line-2',
        label: 'Débours',
        unitPriceCents: 4500,
        vatRateBp: 0,
        doneOn: '2027-05-20',
      }),
      aOneOff({ lineId: 'bi-line-3', doneOn: '2027-07-01' }),
    ];
    const entries = oneOffSchedule(lines, { from: '2027-05', to: '2027-06' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.vat).toEqual([
      { rateBp: 2000, baseCents: 15000, vatCents: 3000 },
      { rateBp: 0, baseCents: 4500, vatCents: 0 },
    ]);
    expect(entries[0]?.htCents).toBe(19500);
  });

  it('R-G2 totals a month of several VAT rates per rate', () => {
    const entries = billingSchedule(
      {
        letters: [],
        amendments: [],
        oneOffs: [
          aOneOff({ doneOn: '2027-05-15' }),
          aOneOff({ documentId: 'bi-2', number: 'BI-2027-0002', vatRateBp: 0, doneOn: '2027-05-16' }),
          aOneOff({ documentId: 'bi-3', number: null, doneOn: '2027-05-17' }),
        ],
      },
      { from: '2027-05', to: '2027-05' },
    );
    expect(entries.map((e) => e.number)).toEqual([null, 'BI-2027-0001', 'BI-2027-0002']);
    expect(monthTotals(entries)[0]?.vat).toEqual([
      { rateBp: 2000, baseCents: 30000, vatCents: 6000 },
      { rateBp: 0, baseCents: 15000, vatCents: 0 },
    ]);
  });
});
