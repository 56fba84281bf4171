import type { DocumentStatus } from '../documents/lifecycle.ts';
import type { CampaignFollowUp } from './campaign.ts';

/** A campaign's letters of one status: how many, and their annual fees before and after renewal. */
export type CampaignLetterGroup = {
  status: DocumentStatus;
  letters: number;
  annualBeforeCents: number;
  annualAfterCents: number;
};

export type CampaignFollowUpFigures = Omit<CampaignFollowUp, 'refusals'>;

/**
 * R-D5 follow-up: the campaign's letters by status and the fees they carry. A letter signed and
 * since replaced (by a later renewal) was secured all the same, so it counts as signed; the fees
 * secured are the new annual fees of the signed letters, the fees pending those of the letters
 * sent and awaiting signature.
 */
export const campaignFollowUpFigures = (groups: readonly CampaignLetterGroup[]): CampaignFollowUpFigures => {
  const figures: CampaignFollowUpFigures = {
    byStatus: { draft: 0, sent: 0, signed: 0, refused: 0, expired: 0, cancelled: 0 },
    annualBeforeCents: 0,
    annualAfterCents: 0,
    feesSecuredCents: 0,
    feesPendingCents: 0,
  };
  for (const group of groups) {
    const status = group.status === 'replaced' ? 'signed' : group.status;
    figures.byStatus[status] += group.letters;
    figures.annualBeforeCents += group.annualBeforeCents;
    figures.annualAfterCents += group.annualAfterCents;
    if (status === 'signed') figures.feesSecuredCents += group.annualAfterCents;
    if (status === 'sent') figures.feesPendingCents += group.annualAfterCents;
  }
  return figures;
};

/** R-D5: a sent campaign is complete once none of its letters is still a draft or awaiting signature. */
export const isCampaignSettled = (figures: Pick<CampaignFollowUpFigures, 'byStatus'>): boolean =>
  figures.byStatus.draft + figures.byStatus.sent === 0;
