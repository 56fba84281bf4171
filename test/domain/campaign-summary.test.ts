import { describe, expect, it } from 'vitest';
import { scopeInForce } from '../../src/domain/documents/scope.ts';
import {
  type ClientPlan,
  type PortfolioClient,
  planClient,
  type SkipReason,
} from '../../src/domain/renewal/campaign-plan.ts';
import type { CampaignSettings } from '../../src/domain/renewal/campaign-settings.ts';
import {
  bandOf,
  INCREASE_BANDS,
  type IncreaseBand,
  summarizeCampaign,
} from '../../src/domain/renewal/campaign-summary.ts';
import { aLetterInForce, aLetterLine } from '../builders/scope.ts';

type Planned = Extract<ClientPlan, { outcome: 'planned' }>;
type Skipped = Extract<ClientPlan, { outcome: 'skipped' }>;

/** A planned client of 1 000,00 € a year raised by 3 %. */
const aPlannedClient = (overrides: Partial<Planned> = {}): Planned => ({
  engagementId: 'eng-1',
  companyName: 'Boulangerie Martin',
  clientCode: 'C0001',
  siren: null,
  outcome: 'planned',
  lines: [],
  annualBeforeCents: 100000,
  annualAfterCents: 103000,
  changePercent: '3.00',
  coefficient: '1.03',
  exception: null,
  ...overrides,
});

const aSkippedClient = (reason: SkipReason, overrides: Partial<Skipped> = {}): Skipped => ({
  engagementId: 'eng-9',
  companyName: 'Garage Dupont',
  clientCode: 'C0009',
  siren: null,
  outcome: 'skipped',
  reason,
  detail: null,
  annualBeforeCents: 500000,
  ...overrides,
});

const distributionOf = (counts: Partial<Record<IncreaseBand, number>>) =>
  INCREASE_BANDS.map((b) => ({ band: b.key, clients: counts[b.key] ?? 0 }));

const noSkip = {
  left_out: 0,
  no_letter_in_force: 0,
  replacement_pending: 0,
  amendment_after_effective_date: 0,
  vigilance_incomplete: 0,
};

describe('R-D5 bandOf', () => {
  it('R-D5 the bands, in the order the distribution shows them', () => {
    expect(INCREASE_BANDS.map((b) => b.key)).toEqual([
      'decrease',
      'unchanged',
      '0-2',
      '2-3',
      '3-4',
      '4-5',
      '5-10',
      'over-10',
    ]);
  });

  it.each<[string, IncreaseBand]>([
    ['-12.50', 'decrease'],
    ['-0.01', 'decrease'],
    ['0.00', 'unchanged'],
    ['0', 'unchanged'],
    ['-0.00', 'unchanged'],
    ['0.01', '0-2'],
    ['2.00', '0-2'],
    ['2.01', '2-3'],
    ['3.00', '2-3'],
    ['3.01', '3-4'],
    ['4.00', '3-4'],
    ['4.01', '4-5'],
    ['5.00', '4-5'],
    ['5.01', '5-10'],
    ['10.00', '5-10'],
    ['10.01', 'over-10'],
    ['250.00', 'over-10'],
  ])('R-D5 a change of %s %% falls in %s (bands are (from, to])', (changePercent, band) => {
    expect(bandOf(changePercent)).toBe(band);
  });
});

describe('R-D5 summarizeCampaign', () => {
  it('R-D5 an empty campaign: nothing, and no percentage', () => {
    expect(summarizeCampaign([])).toEqual({
      selected: 0,
      planned: 0,
      skipped: 0,
      skippedByReason: noSkip,
      annualBeforeCents: 0,
      annualAfterCents: 0,
      changePercent: null,
      distribution: distributionOf({}),
    });
  });

  it('R-D5 totals over the planned clients only, their change from those totals, skipped counted by reason', () => {
    const summary = summarizeCampaign([
      aPlannedClient({ annualBeforeCents: 330000, annualAfterCents: 339900, changePercent: '3.00' }),
      aSkippedClient('replacement_pending', { detail: 'LMS-2026-0004' }),
      aPlannedClient({
        engagementId: 'eng-2',
        annualBeforeCents: 100000,
        annualAfterCents: 102000,
        changePercent: '2.00',
      }),
      aSkippedClient('left_out'),
      aPlannedClient({
        engagementId: 'eng-3',
        annualBeforeCents: 10000,
        annualAfterCents: 11200,
        changePercent: '12.00',
      }),
      aSkippedClient('replacement_pending'),
    ]);
    expect(summary).toEqual({
      selected: 6,
      planned: 3,
      skipped: 3,
      skippedByReason: { ...noSkip, replacement_pending: 2, left_out: 1 },
      annualBeforeCents: 440000,
      annualAfterCents: 453100,
      // 13 100 / 440 000 = 2,977… %: the change of the totals, not the mean of the clients' changes (5,67 %)
      changePercent: '2.98',
      distribution: distributionOf({ '2-3': 1, '0-2': 1, 'over-10': 1 }),
    });
  });

  it('R-D5 every skip reason is counted apart', () => {
    const summary = summarizeCampaign([
      aSkippedClient('left_out'),
      aSkippedClient('no_letter_in_force', { annualBeforeCents: 0 }),
      aSkippedClient('replacement_pending'),
      aSkippedClient('amendment_after_effective_date', { detail: 'LM-2026-0001-A02' }),
      aSkippedClient('amendment_after_effective_date'),
      aSkippedClient('vigilance_incomplete', { detail: 'Évaluation du risque LCB-FT non faite' }),
    ]);
    expect(summary.skippedByReason).toEqual({
      left_out: 1,
      no_letter_in_force: 1,
      replacement_pending: 1,
      amendment_after_effective_date: 2,
      vigilance_incomplete: 1,
    });
    expect(summary).toMatchObject({
      selected: 6,
      planned: 0,
      skipped: 6,
      annualBeforeCents: 0,
      changePercent: null,
    });
    expect(summary.distribution).toEqual(distributionOf({}));
  });

  it('R-D5 decreases and unchanged clients have their own bands', () => {
    const summary = summarizeCampaign([
      aPlannedClient({ annualAfterCents: 99500, changePercent: '-0.50' }),
      aPlannedClient({ annualAfterCents: 100000, changePercent: '0.00' }),
      aPlannedClient({ annualAfterCents: 105000, changePercent: '5.00' }),
      aPlannedClient({ annualAfterCents: 110000, changePercent: '10.00' }),
    ]);
    expect(summary.distribution).toEqual(distributionOf({ decrease: 1, unchanged: 1, '4-5': 1, '5-10': 1 }));
    // 14 500 / 400 000
    expect(summary.changePercent).toBe('3.63');
  });

  it('R-D5 a planned client with fees of zero counts as unchanged, and no percentage from a zero total', () => {
    const summary = summarizeCampaign([
      aPlannedClient({ annualBeforeCents: 0, annualAfterCents: 0, changePercent: null }),
    ]);
    expect(summary.distribution).toEqual(distributionOf({ unchanged: 1 }));
    expect(summary.changePercent).toBeNull();
  });

  it('R-D5 sums what planClient planned, for a small portfolio', () => {
    const aClient = (engagementId: string, unitPriceCents: number): PortfolioClient => ({
      engagementId,
      companyName: `Client ${engagementId}`,
      clientCode: null,
      siren: null,
      responsibleUserId: 'user-claire',
      fiscalYearEnd: '12-31',
      scope: scopeInForce(
        {
          letters: [aLetterInForce({ lines: [aLetterLine({ unitPriceCents, recurrence: 'yearly' })] })],
          amendments: [],
        },
        '2027-01-01',
      ),
      letters: [],
      laterAmendmentNumbers: [],
      pendingReplacementNumber: undefined,
    });
    const settings: CampaignSettings = {
      selection: {
        responsibleUserIds: [],
        termsVersionBelow: null,
        signedBefore: null,
        fiscalYearEndMonths: [],
        serviceIds: [],
      },
      revaluation: { method: 'coefficient', coefficient: '1.03' },
      rounding: 'cent',
      excludedServiceIds: [],
      excludedLineIds: [],
      exceptions: [
        { engagementId: 'eng-b', action: 'coefficient', coefficient: '1.05' },
        { engagementId: 'eng-c', action: 'leave_out', reason: 'Dossier repris par un confrère' },
      ],
      termsVersionId: null,
      effectiveDate: '2027-01-01',
      validUntil: '2026-12-15',
      confirmUnusualCoefficient: false,
    };
    const plans = [aClient('eng-a', 120000), aClient('eng-b', 200000), aClient('eng-c', 90000)].map((c) =>
      planClient(c, settings),
    );
    expect(summarizeCampaign(plans)).toEqual({
      selected: 3,
      planned: 2,
      skipped: 1,
      skippedByReason: { ...noSkip, left_out: 1 },
      // 1 200,00 + 2 000,00 → 1 236,00 + 2 100,00
      annualBeforeCents: 320000,
      annualAfterCents: 333600,
      // 13 600 / 320 000 = 4,25 %
      changePercent: '4.25',
      distribution: distributionOf({ '2-3': 1, '4-5': 1 }),
    });
  });
});
