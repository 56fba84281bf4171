import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES } from '../../src/domain/renewal/campaign.ts';
import {
  applyCampaignAction,
  CAMPAIGN_ACTIONS,
  CAMPAIGN_JOBS,
  CAMPAIGN_STATUSES_WITH_JOB,
  type CampaignAction,
  canCampaign,
  hasCampaignReached,
  isCampaignRunning,
  nextCampaignStatus,
} from '../../src/domain/renewal/campaign-lifecycle.ts';

/** Every allowed pair, and nothing else: the whole table, written out once more by hand. */
const ALLOWED: Record<string, string> = {
  'draft edit': 'draft',
  'draft generate': 'generating',
  'generating finish_generation': 'generated',
  'generated start_sending': 'sending',
  'sending finish_sending': 'sent',
  'sent complete': 'completed',
};

describe('R-D5 the campaign transition table', () => {
  const pairs = CAMPAIGN_STATUSES.flatMap((status) =>
    CAMPAIGN_ACTIONS.map((action) => [status, action] as const),
  );

  it.each(pairs)('%s + %s', (status, action) => {
    expect(nextCampaignStatus(status, action)).toBe(ALLOWED[`${status} ${action}`]);
    expect(canCampaign(status, action)).toBe(`${status} ${action}` in ALLOWED);
  });

  it('a user’s action that comes too late is refused with the code that says why', () => {
    const refusal = (
      status: (typeof CAMPAIGN_STATUSES)[number],
      action: 'edit' | 'generate' | 'start_sending',
    ) => applyCampaignAction(status, action);
    expect(refusal('generated', 'edit')).toEqual({
      ok: false,
      error: { code: 'CAMPAIGN.NOT_DRAFT', details: { status: 'generated' } },
    });
    expect(refusal('sending', 'generate')).toMatchObject({
      ok: false,
      error: { code: 'CAMPAIGN.NOT_DRAFT' },
    });
    expect(refusal('draft', 'start_sending')).toMatchObject({
      ok: false,
      error: { code: 'CAMPAIGN.NOT_GENERATED' },
    });
    expect(refusal('generated', 'start_sending')).toEqual({ ok: true, value: 'sending' });
  });

  it('tells a step already reached, so that repeating a request answers instead of refusing', () => {
    expect(hasCampaignReached('sent', 'sending')).toBe(true);
    expect(hasCampaignReached('sending', 'sending')).toBe(true);
    expect(hasCampaignReached('generated', 'sending')).toBe(false);
  });

  it('names the job that carries each unfinished status on, and which statuses move by themselves', () => {
    expect(CAMPAIGN_JOBS).toEqual({
      generating: 'campaign.generate',
      sending: 'campaign.send',
      sent: 'campaign.follow',
    });
    expect(CAMPAIGN_STATUSES_WITH_JOB).toEqual(['generating', 'sending', 'sent']);
    expect(CAMPAIGN_STATUSES.filter(isCampaignRunning)).toEqual(['generating', 'sending']);
  });

  it('every action is allowed somewhere, and a completed campaign allows none', () => {
    const used = new Set(Object.keys(ALLOWED).map((pair) => pair.split(' ')[1] as CampaignAction));
    expect([...used].sort()).toEqual([...CAMPAIGN_ACTIONS].sort());
    expect(CAMPAIGN_ACTIONS.filter((action) => canCampaign('completed', action))).toEqual([]);
  });
});
