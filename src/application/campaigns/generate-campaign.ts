import { canCampaign, nextCampaignStatus } from '../../domain/renewal/campaign-lifecycle.ts';
import { type ClientPlan, planClient } from '../../domain/renewal/campaign-plan.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { CampaignDeps, FirmScope, NewDocument } from '../ports/index.ts';
import type { Campaign, CampaignItem, NewEvent, SendProblem } from '../records.ts';
import { askReviewsOnDocuments } from '../vigilance/reviews.ts';
import { CLIENTS_BETWEEN_TURNS, yieldToOthers } from '../yield-to-others.ts';
import { campaignLetter } from './campaign-letter.ts';
import { type CampaignView, campaignView } from './manage-campaigns.ts';
import { loadPortfolio, planPortfolio } from './portfolio.ts';

/**
 * R-F1: a client skipped because its LCB-FT file would stop the letter carries the gate's refusal
 * and what the file lacks, as a letter refused at sending does (`sendProblem`).
 */
const skipProblemOf = (plan: ClientPlan): SendProblem | null =>
  plan.outcome === 'skipped' && plan.reason === 'vigilance_incomplete'
    ? { code: 'VIGILANCE.FILE_INCOMPLETE', missing: [...(plan.missing ?? [])] }
    : null;

/** Clients per transaction: short enough that the rest of the product keeps answering meanwhile. */
export const GENERATION_CHUNK = 250;

/**
 * R-D5: starts the generation of a campaign's letters. The clients selected become the campaign's
 * items (those it cannot renew, skipped with their reason) and the job `campaign.generate` is
 * queued, in one transaction. Asked again, it changes nothing and answers the campaign as it is.
 */
export const startCampaignGeneration = async (
  deps: CampaignDeps,
  actor: Actor,
  input: { id: string },
): Promise<CampaignView> => {
  assertCanWrite(actor);
  // The portfolio is read and planned before the transaction, which then only writes the items:
  // planning thousands of clients inside it would hold PGlite's one connection for seconds. The
  // chunks plan each client again as it then stands, so a change meanwhile is not missed.
  const reader = deps.store.read(actor.firmId);
  const draft = found(await reader.campaigns.find(input.id), 'campaign');
  const plans = canCampaign(draft.status, 'generate')
    ? await planPortfolio(reader, {
        settings: draft.settings,
        campaignId: draft.id,
        vigilanceOn: parisDate(deps.clock.now()),
      })
    : [];
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const campaign = found(await scope.campaigns.find(input.id, { forUpdate: true }), 'campaign');
    const generating = nextCampaignStatus(campaign.status, 'generate');
    if (!generating) return campaignView(scope, campaign);
    // Its settings were edited between the plan and the lock: the plan is stale.
    if (campaign.version !== draft.version)
      throw new AppError('EDIT.STALE_VERSION', { currentVersion: campaign.version });
    const { settings } = campaign;
    if (settings.validUntil < parisDate(at)) {
      throw new AppError('CAMPAIGN.DATES_INVALID', { validUntil: settings.validUntil });
    }
    const planned = plans.filter((plan) => plan.outcome === 'planned').length;
    if (planned === 0) throw new AppError('CAMPAIGN.NOTHING_TO_GENERATE', { selected: plans.length });
    await scope.campaigns.insertItems(
      campaign.id,
      plans.map(
        (plan, position): CampaignItem => ({
          engagementId: plan.engagementId,
          position,
          status: plan.outcome === 'planned' ? 'pending' : 'skipped',
          skipReason: plan.outcome === 'skipped' ? plan.reason : null,
          documentId: null,
          annualBeforeCents: plan.annualBeforeCents,
          annualAfterCents: plan.outcome === 'planned' ? plan.annualAfterCents : null,
          sendProblem: skipProblemOf(plan),
        }),
      ),
      at,
    );
    await scope.campaigns.advance(campaign.id, { status: generating, generationStartedAt: at }, at);
    await recordEvent(scope, {
      type: 'campaign.generation_started',
      actor,
      at,
      engagementId: null,
      data: { campaignId: campaign.id, name: campaign.name, planned, skipped: plans.length - planned },
    });
    await scope.jobs.enqueue({
      name: 'campaign.generate',
      data: { firmId: actor.firmId, campaignId: campaign.id },
    });
    return campaignView(scope, { ...campaign, status: generating, generationStartedAt: at });
  });
};

/**
 * One chunk: the next pending items, locked; their clients planned again on the portfolio as it is
 * now; their letters, history events and items written together. A crash loses the chunk whole,
 * and the items still pending are taken up again: one letter per client, whatever the restarts.
 */
const generateChunk = async (
  deps: CampaignDeps,
  scope: FirmScope,
  campaign: Campaign,
  chunkSize: number,
): Promise<number> => {
  const items = await scope.campaigns.claimItems(campaign.id, 'pending', chunkSize);
  if (items.length === 0) return 0;
  const at = deps.clock.now();
  const { settings } = campaign;
  const { clients, records } = await loadPortfolio(scope, {
    date: settings.effectiveDate,
    engagementIds: items.map((item) => item.engagementId),
    campaignId: campaign.id,
    vigilanceOn: parisDate(at),
  });
  const termsVersionId =
    settings.termsVersionId ??
    (await scope.terms.currentOn(maxDate(settings.effectiveDate, parisDate(at))))?.id ??
    null;
  const clientOf = new Map(clients.map((client) => [client.engagementId, client]));
  const letters: NewDocument[] = [];
  const events: NewEvent[] = [];
  const planItem = (item: CampaignItem) => {
    const client = clientOf.get(item.engagementId);
    const record = records.get(item.engagementId);
    const plan = client ? planClient(client, settings) : undefined;
    if (!client || !record || plan?.outcome !== 'planned') {
      return {
        engagementId: item.engagementId,
        status: 'skipped' as const,
        skipReason: plan?.outcome === 'skipped' ? plan.reason : ('no_letter_in_force' as const),
        documentId: null,
        annualBeforeCents: item.annualBeforeCents,
        annualAfterCents: null,
        sendProblem: plan ? skipProblemOf(plan) : null,
      };
    }
    const letter = campaignLetter(deps.ids, { campaign, plan, client, record, termsVersionId, at });
    letters.push(letter);
    events.push({
      type: 'document.created',
      actorUserId: campaign.createdBy,
      at,
      engagementId: item.engagementId,
      documentId: letter.id,
      after: { kind: 'replacement_letter', status: 'draft' },
      data: { campaignId: campaign.id },
    });
    return {
      engagementId: item.engagementId,
      status: 'generated' as const,
      skipReason: null,
      documentId: letter.id,
      annualBeforeCents: plan.annualBeforeCents,
      annualAfterCents: plan.annualAfterCents,
      sendProblem: null,
    };
  };
  // A chunk's planning is tens of milliseconds: the others' turn every few clients.
  const updates: ReturnType<typeof planItem>[] = [];
  for (const [n, item] of items.entries()) {
    if (n % CLIENTS_BETWEEN_TURNS === 0) await yieldToOthers();
    updates.push(planItem(item));
  }
  await yieldToOthers();
  await scope.documents.insertMany(letters);
  await scope.events.appendMany(events);
  // R-F4: a replacement letter asks for a review of the client's LCB-FT file, a campaign's too.
  await askReviewsOnDocuments(
    deps,
    scope,
    letters.map((letter) => ({
      engagementId: letter.engagementId,
      documentId: letter.id,
      kind: letter.kind,
      at,
    })),
  );
  await scope.campaigns.updateItems(campaign.id, updates, at);
  return items.length;
};

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The generation is over once no item is pending: the campaign says so once, with its webhook. */
const finishGeneration = (deps: CampaignDeps, firmId: string, campaignId: string) =>
  deps.store.transaction(firmId, async (scope) => {
    const campaign = await scope.campaigns.find(campaignId, { forUpdate: true });
    if (!campaign || !canCampaign(campaign.status, 'finish_generation')) return;
    const progress = await scope.campaigns.progress(campaignId);
    // Another run still holds a chunk: it finishes the campaign when it commits.
    if (progress.pending > 0) return;
    const at = deps.clock.now();
    const status = nextCampaignStatus(campaign.status, 'finish_generation') ?? campaign.status;
    await scope.campaigns.advance(campaignId, { status, generatedAt: at }, at);
    await recordEvent(scope, {
      type: 'campaign.generated',
      actor: { userId: campaign.createdBy },
      at,
      engagementId: null,
      data: {
        campaignId,
        name: campaign.name,
        generated: progress.generated,
        skipped: progress.skipped,
      },
    });
  });

/**
 * The `campaign.generate` job: chunk after chunk until no item is pending, each its own
 * transaction. Two runs at once share the items (the lock skips the held ones); so do the
 * `campaignWorkers` loops of one run, so that one chunk is written while the next is read and
 * planned (on PostgreSQL; PGlite runs one transaction at a time anyway).
 */
export const runCampaignGeneration = async (
  deps: CampaignDeps,
  input: { firmId: string; campaignId: string; chunkSize?: number },
): Promise<void> => {
  const chunkSize = input.chunkSize ?? deps.settings.campaignChunkSize ?? GENERATION_CHUNK;
  const worker = async () => {
    for (;;) {
      const done = await deps.store.transaction(input.firmId, async (scope) => {
        const campaign = await scope.campaigns.find(input.campaignId);
        if (!campaign || !canCampaign(campaign.status, 'finish_generation')) return 0;
        return generateChunk(deps, scope, campaign, chunkSize);
      });
      if (done === 0) break;
      // Let the requests that arrived meanwhile queue their queries before the next chunk: PGlite,
      // one connection, would otherwise serve the whole generation first.
      await yieldToOthers();
    }
  };
  const workers = Math.max(1, deps.settings.campaignWorkers ?? 1);
  // Each loop ends on its own: a failed one fails the job (retried) once the others are done.
  const ended = await Promise.allSettled(Array.from({ length: workers }, worker));
  for (const end of ended) if (end.status === 'rejected') throw end.reason;
  await finishGeneration(deps, input.firmId, input.campaignId);
};
