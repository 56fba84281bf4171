import type { SkipReason } from './campaign-plan.ts';
import type { CampaignSettings } from './campaign-settings.ts';

/** R-D5: a renewal campaign, its items (one selected client each) and what its follow-up reads. */

export const CAMPAIGN_STATUSES = [
  'draft',
  'generating',
  'generated',
  'sending',
  'sent',
  'completed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** R-D5: a renewal campaign; its settings are the domain's, whole. */
export type Campaign = {
  id: string;
  name: string;
  status: CampaignStatus;
  settings: CampaignSettings;
  createdBy: string;
  generationStartedAt: Date | null;
  generatedAt: Date | null;
  sendingStartedBy: string | null;
  sendingStartedAt: Date | null;
  sentAt: Date | null;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const CAMPAIGN_ITEM_STATUSES = ['pending', 'generated', 'skipped', 'sent', 'send_failed'] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/** Why a campaign letter could not be sent: the error's code, and the completeness check's missing items. */
export type SendProblem = { code: string; missing?: string[] };

/** One selected client of a campaign: the unit of generation and sending. */
export type CampaignItem = {
  engagementId: string;
  position: number;
  status: CampaignItemStatus;
  skipReason: SkipReason | null;
  documentId: string | null;
  annualBeforeCents: number | null;
  annualAfterCents: number | null;
  sendProblem: SendProblem | null;
};

export type CampaignProgress = Record<CampaignItemStatus, number> & { total: number };

/** R-D5 follow-up: the campaign's letters by status, and the fees they carry. */
export type CampaignFollowUp = {
  byStatus: Record<'draft' | 'sent' | 'signed' | 'refused' | 'expired' | 'cancelled', number>;
  annualBeforeCents: number;
  annualAfterCents: number;
  /** The new annual fees of the signed letters. */
  feesSecuredCents: number;
  /** The new annual fees of the letters sent and awaiting signature. */
  feesPendingCents: number;
  refusals: {
    engagementId: string;
    companyName: string;
    documentId: string;
    number: string | null;
    reason: string | null;
    refusedAt: Date | null;
  }[];
};
