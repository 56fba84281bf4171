import { describe, expect, it } from 'vitest';
import { campaignFollowUpFigures, isCampaignSettled } from '../../src/domain/renewal/campaign-follow-up.ts';

describe('R-D5 a campaign’s follow-up figures', () => {
  it('counts the letters by status and secures the new fees of the signed ones only', () => {
    const figures = campaignFollowUpFigures([
      { status: 'signed', letters: 3, annualBeforeCents: 300_000, annualAfterCents: 309_000 },
      { status: 'sent', letters: 2, annualBeforeCents: 200_000, annualAfterCents: 206_000 },
      { status: 'refused', letters: 1, annualBeforeCents: 100_000, annualAfterCents: 103_000 },
    ]);
    expect(figures).toEqual({
      byStatus: { draft: 0, sent: 2, signed: 3, refused: 1, expired: 0, cancelled: 0 },
      annualBeforeCents: 600_000,
      annualAfterCents: 618_000,
      feesSecuredCents: 309_000,
      feesPendingCents: 206_000,
    });
  });

  it('counts a letter signed and since replaced by a later renewal as signed: its fees were secured', () => {
    const figures = campaignFollowUpFigures([
      { status: 'signed', letters: 1, annualBeforeCents: 100_000, annualAfterCents: 103_000 },
      { status: 'replaced', letters: 1, annualBeforeCents: 50_000, annualAfterCents: 51_500 },
    ]);
    expect(figures.byStatus.signed).toBe(2);
    expect(figures.feesSecuredCents).toBe(154_500);
  });

  it('is settled once no letter is a draft or awaiting signature', () => {
    const open = campaignFollowUpFigures([
      { status: 'sent', letters: 1, annualBeforeCents: 0, annualAfterCents: 0 },
    ]);
    const draft = campaignFollowUpFigures([
      { status: 'draft', letters: 1, annualBeforeCents: 0, annualAfterCents: 0 },
    ]);
    const settled = campaignFollowUpFigures([
      { status: 'expired', letters: 1, annualBeforeCents: 0, annualAfterCents: 0 },
      { status: 'cancelled', letters: 1, annualBeforeCents: 0, annualAfterCents: 0 },
    ]);
    expect([isCampaignSettled(open), isCampaignSettled(draft), isCampaignSettled(settled)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(isCampaignSettled(campaignFollowUpFigures([]))).toBe(true);
  });
});
