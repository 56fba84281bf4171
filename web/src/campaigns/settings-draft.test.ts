import { describe, expect, it } from 'vitest';
import { fromSettings, isUnusual, newDraft, newException, toSettings } from './settings-draft.ts';

describe('the campaign form’s values and the API’s settings', () => {
  it('a new campaign: +3 % to the cent from the next 1 January, to be signed within 30 days', () => {
    const settings = toSettings(newDraft('2026-11-29'));
    expect(settings.revaluation).toEqual({ method: 'coefficient', coefficient: '1.03' });
    expect(settings).toMatchObject({
      rounding: 'cent',
      effectiveDate: '2027-01-01',
      validUntil: '2026-12-29',
      termsVersionId: null,
      confirmUnusualCoefficient: false,
      selection: {
        responsibleUserIds: [],
        termsVersionBelow: null,
        signedBefore: null,
        fiscalYearEndMonths: [],
      },
    });
  });

  it('French decimals and euros typed in the form reach the API as decimal strings and cents', () => {
    const draft = {
      ...newDraft('2026-11-29'),
      method: 'index' as const,
      referenceIndex: ' 318,4 ',
      newIndex: '327,3',
      termsVersionBelow: '2',
      fiscalYearEndMonths: ['3', '12'],
      exceptions: [
        { ...newException(), engagementId: 'a', coefficient: '1,05' },
        { ...newException(), engagementId: 'b', action: 'leave_out' as const, reason: '  ' },
        {
          ...newException(),
          engagementId: 'c',
          action: 'fixed_prices' as const,
          prices: [{ key: 'k', serviceId: 's', price: '1 236,50' }],
        },
        newException(), // no client chosen yet: not sent
      ],
    };
    const settings = toSettings(draft);
    expect(settings.revaluation).toEqual({ method: 'index', referenceIndex: '318.4', newIndex: '327.3' });
    expect(settings.selection).toMatchObject({ termsVersionBelow: 2, fiscalYearEndMonths: [3, 12] });
    expect(settings.exceptions).toEqual([
      { engagementId: 'a', action: 'coefficient', coefficient: '1.05' },
      { engagementId: 'b', action: 'leave_out', reason: null },
      { engagementId: 'c', action: 'fixed_prices', prices: [{ serviceId: 's', unitPriceCents: 123650 }] },
    ]);
    const back = fromSettings('Campagne', settings);
    expect(back).toMatchObject({ referenceIndex: '318,4', newIndex: '327,3', termsVersionBelow: '2' });
    // Thousands apart, as the letters write them (a narrow no-break space, read back by parseEuros).
    expect(back.exceptions[2]?.prices[0]?.price).toBe('1\u202f236,50');
  });

  it('R-D3: a coefficient below 1 or above 1,5 asks for a confirmation', () => {
    expect(isUnusual('0,98')).toBe(true);
    expect(isUnusual('1,51')).toBe(true);
    expect(isUnusual('1,5')).toBe(false);
    expect(isUnusual('1,03')).toBe(false);
    expect(isUnusual('')).toBe(false);
  });
});
