import type { ErrorCode } from '../shared/errors.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './campaign.ts';

/**
 * R-D5: a campaign's life, in one table as the documents' (habit 1). A user edits a draft, starts
 * its generation and, once generated, its sending; the jobs finish the generation and the sending,
 * and the follow-up completes a sent campaign once every letter is settled.
 */
export const CAMPAIGN_ACTIONS = [
  'edit',
  'generate',
  'finish_generation',
  'start_sending',
  'finish_sending',
  'complete',
] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_TRANSITIONS = {
  draft: { edit: 'draft', generate: 'generating' },
  generating: { finish_generation: 'generated' },
  generated: { start_sending: 'sending' },
  sending: { finish_sending: 'sent' },
  sent: { complete: 'completed' },
  completed: {},
} as const satisfies Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>>;

/** The status the action leads to, or undefined when the table does not allow it. */
export const nextCampaignStatus = (
  status: CampaignStatus,
  action: CampaignAction,
): CampaignStatus | undefined =>
  (CAMPAIGN_TRANSITIONS[status] as Partial<Record<CampaignAction, CampaignStatus>>)[action];

export const canCampaign = (status: CampaignStatus, action: CampaignAction): boolean =>
  nextCampaignStatus(status, action) !== undefined;

/** What a user reads when one of their actions comes too late (the jobs' actions are no-ops instead). */
const USER_ACTION_REFUSALS = {
  edit: 'CAMPAIGN.NOT_DRAFT',
  generate: 'CAMPAIGN.NOT_DRAFT',
  start_sending: 'CAMPAIGN.NOT_GENERATED',
} as const satisfies Partial<Record<CampaignAction, ErrorCode>>;

export const applyCampaignAction = (
  status: CampaignStatus,
  action: keyof typeof USER_ACTION_REFUSALS,
): Result<CampaignStatus, Refusal> => {
  const next = nextCampaignStatus(status, action);
  return next ? ok(next) : refuse(USER_ACTION_REFUSALS[action], { status });
};

/** Whether the campaign has reached a step: a repeated request for a step already taken is answered, not refused. */
export const hasCampaignReached = (status: CampaignStatus, step: CampaignStatus): boolean =>
  CAMPAIGN_STATUSES.indexOf(status) >= CAMPAIGN_STATUSES.indexOf(step);

/** The job that carries a campaign on from its status, if one does (a restart queues it again). */
export const CAMPAIGN_JOBS = {
  generating: 'campaign.generate',
  sending: 'campaign.send',
  sent: 'campaign.follow',
} as const satisfies Partial<Record<CampaignStatus, string>>;

/** A job is at work on the campaign: its progress moves by itself. */
export const isCampaignRunning = (status: CampaignStatus): boolean =>
  status === 'generating' || status === 'sending';

/** The statuses a job carries on: the campaigns a restart resumes. */
export const CAMPAIGN_STATUSES_WITH_JOB = Object.keys(CAMPAIGN_JOBS) as (keyof typeof CAMPAIGN_JOBS)[];
