import { isCampaignSettled } from '../../domain/renewal/campaign-follow-up.ts';
import { CAMPAIGN_JOBS, canCampaign, nextCampaignStatus } from '../../domain/renewal/campaign-lifecycle.ts';
import { recordEvent } from '../events.ts';
import type { CampaignDeps, FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { readFollowUp } from './manage-campaigns.ts';

/**
 * R-D5: a sent campaign closes once every letter is settled (signed, refused, expired or cancelled),
 * once, with its `campaign.completed` webhook. The job `campaign.follow` runs this whenever one of
 * its letters settles.
 */
export const followCampaign = (deps: CampaignDeps, input: { firmId: string; campaignId: string }) =>
  deps.store.transaction(input.firmId, async (scope) => {
    const campaign = await scope.campaigns.find(input.campaignId, { forUpdate: true });
    if (!campaign || !canCampaign(campaign.status, 'complete')) return;
    const followUp = await readFollowUp(scope, input.campaignId);
    if (!isCampaignSettled(followUp)) return;
    const at = deps.clock.now();
    const status = nextCampaignStatus(campaign.status, 'complete') ?? campaign.status;
    await scope.campaigns.advance(input.campaignId, { status, completedAt: at }, at);
    await recordEvent(scope, {
      type: 'campaign.completed',
      actor: null,
      at,
      engagementId: null,
      data: {
        campaignId: input.campaignId,
        name: campaign.name,
        ...followUp.byStatus,
        feesSecuredCents: followUp.feesSecuredCents,
      },
    });
  });

/** Called where a document settles: a campaign's letter queues its campaign's follow-up. */
export const noteCampaignLetterSettled = async (
  scope: FirmScope,
  doc: Pick<Document, 'campaignId'>,
): Promise<void> => {
  if (doc.campaignId)
    await scope.jobs.enqueue({
      name: 'campaign.follow',
      data: { firmId: scope.firmId, campaignId: doc.campaignId },
    });
};

/**
 * At start: the campaigns a stopped process left mid-way get their job again (generation, sending,
 * follow-up). Their jobs are idempotent, so one still queued as well does no harm.
 */
export const resumeCampaigns = async (deps: CampaignDeps): Promise<number> => {
  let resumed = 0;
  for (const firm of await deps.store.listFirms()) {
    await deps.store.transaction(firm.id, async (scope) => {
      for (const campaign of await scope.campaigns.listUnfinished()) {
        const name = CAMPAIGN_JOBS[campaign.status as keyof typeof CAMPAIGN_JOBS];
        if (!name) continue;
        await scope.jobs.enqueue({ name, data: { firmId: firm.id, campaignId: campaign.id } });
        resumed += 1;
      }
    });
  }
  return resumed;
};
