import { campaignFollowUpFigures } from '../../domain/renewal/campaign-follow-up.ts';
import { applyCampaignAction } from '../../domain/renewal/campaign-lifecycle.ts';
import { assertCampaignSettings, type CampaignSettings } from '../../domain/renewal/campaign-settings.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { CampaignDeps, FirmScope } from '../ports/index.ts';
import type { Campaign, CampaignFollowUp, CampaignItemStatus, CampaignProgress } from '../records.ts';

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** What a firm gives to create a campaign: everything but the rule and the dates has a default. */
export type CampaignSettingsInput = Optional<
  Omit<CampaignSettings, 'selection'>,
  | 'rounding'
  | 'excludedServiceIds'
  | 'excludedLineIds'
  | 'exceptions'
  | 'termsVersionId'
  | 'confirmUnusualCoefficient'
> & { selection?: Partial<CampaignSettings['selection']> };

export const completeSettings = (input: CampaignSettingsInput): CampaignSettings => ({
  selection: {
    responsibleUserIds: input.selection?.responsibleUserIds ?? [],
    termsVersionBelow: input.selection?.termsVersionBelow ?? null,
    signedBefore: input.selection?.signedBefore ?? null,
    fiscalYearEndMonths: input.selection?.fiscalYearEndMonths ?? [],
    serviceIds: input.selection?.serviceIds ?? [],
  },
  revaluation: input.revaluation,
  rounding: input.rounding ?? 'cent',
  excludedServiceIds: input.excludedServiceIds ?? [],
  excludedLineIds: input.excludedLineIds ?? [],
  exceptions: input.exceptions ?? [],
  termsVersionId: input.termsVersionId ?? null,
  effectiveDate: input.effectiveDate,
  validUntil: input.validUntil,
  confirmUnusualCoefficient: input.confirmUnusualCoefficient ?? false,
});

/** R-D3 and the dates: a campaign is saved only with settings it could generate letters from. */
const checkSettings = async (scope: FirmScope, settings: CampaignSettings, today: string) => {
  unwrap(assertCampaignSettings(settings));
  if (settings.validUntil < today)
    throw new AppError('CAMPAIGN.DATES_INVALID', { validUntil: settings.validUntil });
  if (settings.termsVersionId) found(await scope.terms.find(settings.termsVersionId), 'terms');
  return settings;
};

export type CampaignView = Campaign & { progress: CampaignProgress; followUp: CampaignFollowUp };

/** R-D5 follow-up: the figures of the campaign's letters (the domain's rule) and its refusals. */
export const readFollowUp = async (scope: FirmScope, campaignId: string): Promise<CampaignFollowUp> => {
  const { groups, refusals } = await scope.campaigns.followUp(campaignId);
  return { ...campaignFollowUpFigures(groups), refusals };
};

export const campaignView = async (scope: FirmScope, campaign: Campaign): Promise<CampaignView> => {
  const progress = await scope.campaigns.progress(campaign.id);
  return { ...campaign, progress, followUp: await readFollowUp(scope, campaign.id) };
};

export const createCampaign = async (
  deps: CampaignDeps,
  actor: Actor,
  input: { name: string; settings: CampaignSettingsInput },
): Promise<CampaignView> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const settings = await checkSettings(scope, completeSettings(input.settings), parisDate(at));
    const id = deps.ids.uuid();
    await scope.campaigns.insert({
      id,
      name: input.name,
      status: 'draft',
      settings,
      createdBy: actor.userId,
      generationStartedAt: null,
      generatedAt: null,
      sendingStartedBy: null,
      sendingStartedAt: null,
      sentAt: null,
      completedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await recordEvent(scope, {
      type: 'campaign.created',
      actor,
      at,
      engagementId: null,
      data: { campaignId: id, name: input.name },
    });
    return campaignView(scope, found(await scope.campaigns.find(id), 'campaign'));
  });
};

/** A campaign's name and settings change only while it is a draft: its letters follow the settings. */
export const updateCampaign = async (
  deps: CampaignDeps,
  actor: Actor,
  input: { id: string; expectedVersion: number; name?: string; settings?: CampaignSettingsInput },
): Promise<CampaignView> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const campaign = found(await scope.campaigns.find(input.id, { forUpdate: true }), 'campaign');
    unwrap(applyCampaignAction(campaign.status, 'edit'));
    const settings = input.settings
      ? await checkSettings(scope, completeSettings(input.settings), parisDate(at))
      : undefined;
    const saved = notStale(
      await scope.campaigns.update({
        id: input.id,
        expectedVersion: input.expectedVersion,
        fields: { ...(input.name ? { name: input.name } : {}), ...(settings ? { settings } : {}) },
        at,
      }),
    );
    return campaignView(scope, saved);
  });
};

export const getCampaign = async (deps: CampaignDeps, actor: Actor, id: string): Promise<CampaignView> => {
  const scope = deps.store.read(actor.firmId);
  return campaignView(scope, found(await scope.campaigns.find(id), 'campaign'));
};

export const listCampaigns = async (deps: CampaignDeps, actor: Actor): Promise<CampaignView[]> => {
  const scope = deps.store.read(actor.firmId);
  const campaigns = await scope.campaigns.list();
  return Promise.all(campaigns.map((campaign) => campaignView(scope, campaign)));
};

/** What the progress bar shows: the status and the items by status (read every half second). */
export const getCampaignProgress = async (deps: CampaignDeps, actor: Actor, id: string) => {
  const scope = deps.store.read(actor.firmId);
  const campaign = found(await scope.campaigns.find(id), 'campaign');
  return { status: campaign.status, progress: await scope.campaigns.progress(id) };
};

export const listCampaignItems = async (
  deps: CampaignDeps,
  actor: Actor,
  input: { id: string; status?: CampaignItemStatus; page: number; pageSize: number },
) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.campaigns.find(input.id), 'campaign');
  return scope.campaigns.listItems(input.id, input);
};
