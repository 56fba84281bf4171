import {
  applyCampaignAction,
  canCampaign,
  hasCampaignReached,
  nextCampaignStatus,
} from '../../domain/renewal/campaign-lifecycle.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import { sendDraft } from '../documents/send-document.ts';
import { recordEvent } from '../events.ts';
import type { CampaignDeps, SendCampaignDeps } from '../ports/index.ts';
import type { CampaignItem, SendProblem } from '../records.ts';
import { yieldToOthers } from '../yield-to-others.ts';
import { followCampaign } from './follow-campaign.ts';
import { type CampaignView, campaignView } from './manage-campaigns.ts';

/**
 * R-D5: sends every letter of a generated campaign, in the background (job `campaign.send`), as the
 * user who asked. Asked again, it changes nothing and answers the campaign as it is.
 */
export const startCampaignSending = async (
  deps: CampaignDeps,
  actor: Actor,
  input: { id: string },
): Promise<CampaignView> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const campaign = found(await scope.campaigns.find(input.id, { forUpdate: true }), 'campaign');
    if (hasCampaignReached(campaign.status, 'sending')) return campaignView(scope, campaign);
    const status = unwrap(applyCampaignAction(campaign.status, 'start_sending'));
    const started = { status, sendingStartedBy: actor.userId, sendingStartedAt: at };
    await scope.campaigns.advance(campaign.id, started, at);
    await recordEvent(scope, {
      type: 'campaign.sending_started',
      actor,
      at,
      engagementId: null,
      data: { campaignId: campaign.id, name: campaign.name },
    });
    await scope.jobs.enqueue({
      name: 'campaign.send',
      data: { firmId: actor.firmId, campaignId: campaign.id },
    });
    return campaignView(scope, { ...campaign, ...started });
  });
};

/** A refusal of one letter: the transaction rolls back, then the item records why. */
class LetterRefused extends Error {
  constructor(
    readonly item: CampaignItem,
    readonly problem: SendProblem,
  ) {
    super(problem.code);
  }
}

const problemOf = (error: AppError): SendProblem => {
  const missing = error.details?.missing;
  // The completeness check names each missing item in French: what the firm reads and completes.
  return Array.isArray(missing)
    ? { code: error.code, missing: missing.map((item: { message?: string }) => item.message ?? String(item)) }
    : { code: error.code };
};

/**
 * One letter: the next generated item, locked, sent as sendDocument does (the completeness check
 * first: R-B4), and marked sent in the same transaction. A letter sent by hand meanwhile counts as
 * sent; one cancelled, or refused by the check, is marked with its reason for the firm to act on.
 */
const sendNext = (deps: SendCampaignDeps, firmId: string, campaignId: string, sender: Actor) =>
  deps.store.transaction(firmId, async (scope) => {
    const [item] = await scope.campaigns.claimItems(campaignId, 'generated', 1);
    if (!item) return false;
    const at = deps.clock.now();
    const letter = item.documentId
      ? await scope.documents.find(item.documentId, { forUpdate: true })
      : undefined;
    if (letter && letter.status !== 'draft') {
      const sent = letter.status !== 'cancelled';
      await scope.campaigns.updateItems(
        campaignId,
        [
          {
            engagementId: item.engagementId,
            status: sent ? 'sent' : 'send_failed',
            sendProblem: sent ? null : { code: 'DOCUMENT.TRANSITION_NOT_ALLOWED' },
          },
        ],
        at,
      );
      return true;
    }
    try {
      assertCanWrite(sender);
      await sendDraft(deps, scope, sender, { documentId: item.documentId ?? '' });
    } catch (error) {
      if (error instanceof AppError) throw new LetterRefused(item, problemOf(error));
      throw error;
    }
    await scope.campaigns.updateItems(
      campaignId,
      [{ engagementId: item.engagementId, status: 'sent', sendProblem: null }],
      at,
    );
    return true;
  });

const finishSending = (deps: CampaignDeps, firmId: string, campaignId: string) =>
  deps.store.transaction(firmId, async (scope) => {
    const campaign = await scope.campaigns.find(campaignId, { forUpdate: true });
    if (!campaign || !canCampaign(campaign.status, 'finish_sending')) return false;
    const progress = await scope.campaigns.progress(campaignId);
    if (progress.generated > 0) return false;
    const at = deps.clock.now();
    const status = nextCampaignStatus(campaign.status, 'finish_sending') ?? campaign.status;
    await scope.campaigns.advance(campaignId, { status, sentAt: at }, at);
    await recordEvent(scope, {
      type: 'campaign.sent',
      actor: { userId: campaign.sendingStartedBy ?? campaign.createdBy },
      at,
      engagementId: null,
      data: { campaignId, name: campaign.name, sent: progress.sent, failed: progress.send_failed },
    });
    return true;
  });

/** The `campaign.send` job: letter after letter, each in its own transaction, until none is left. */
export const runCampaignSending = async (
  deps: SendCampaignDeps,
  input: { firmId: string; campaignId: string },
): Promise<void> => {
  const scope = deps.store.read(input.firmId);
  const campaign = await scope.campaigns.find(input.campaignId);
  if (!campaign || !canCampaign(campaign.status, 'finish_sending') || !campaign.sendingStartedBy) return;
  const user = found(await scope.users.find(campaign.sendingStartedBy), 'user');
  const sender: Actor = { firmId: input.firmId, userId: user.id, role: user.role, name: user.name };
  for (;;) {
    await yieldToOthers();
    try {
      if (!(await sendNext(deps, input.firmId, input.campaignId, sender))) break;
    } catch (error) {
      if (!(error instanceof LetterRefused)) throw error;
      await deps.store.transaction(input.firmId, (failed) =>
        failed.campaigns.updateItems(
          input.campaignId,
          [{ engagementId: error.item.engagementId, status: 'send_failed', sendProblem: error.problem }],
          deps.clock.now(),
        ),
      );
    }
  }
  if (await finishSending(deps, input.firmId, input.campaignId))
    await followCampaign(deps, { firmId: input.firmId, campaignId: input.campaignId });
};
