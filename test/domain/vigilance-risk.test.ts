import { describe, expect, it } from 'vitest';
import { checkApproval, isApproved, needsApproval } from '../../src/domain/vigilance/approval.ts';
import {
  canReadRiskNotes,
  checkRiskAssessment,
  computedVigilanceLevel,
  vigilanceLevel,
  withoutRiskNotes,
} from '../../src/domain/vigilance/risk.ts';
import { anAssessment } from '../builders/vigilance.ts';

const withCriterion = (
  criterion: 'client' | 'activity',
  level: 'low' | 'medium' | 'high',
  reason = 'motif',
) => {
  const base = anAssessment();
  return anAssessment({ criteria: { ...base.criteria, [criterion]: { level, reason } } });
};

describe('R-F2 risk assessment and vigilance level', () => {
  it('R-F2 low everywhere gives simplified, any medium standard, any high enhanced', () => {
    expect(computedVigilanceLevel(anAssessment())).toBe('simplified');
    expect(computedVigilanceLevel(withCriterion('activity', 'medium'))).toBe('standard');
    expect(computedVigilanceLevel(withCriterion('client', 'high'))).toBe('enhanced');
  });

  it.each([
    ['a politically exposed person', { politicallyExposed: true }],
    ['a client never met in person', { neverMetInPerson: true }],
    ['a high-risk country', { highRiskCountry: true }],
  ])('R-F2 %s means enhanced', (_, facts) => {
    expect(vigilanceLevel(anAssessment(facts))).toBe('enhanced');
  });

  it('R-F2 an override raises the level, with its reason', () => {
    const raised = anAssessment({ override: { level: 'enhanced', reason: 'Montages complexes' } });
    expect(checkRiskAssessment(raised).ok).toBe(true);
    expect(vigilanceLevel(raised)).toBe('enhanced');
  });

  it('R-F2 refuses an override downwards or at the same level', () => {
    const lowered = {
      ...withCriterion('client', 'high'),
      override: { level: 'standard' as const, reason: 'connu' },
    };
    expect(checkRiskAssessment(lowered)).toEqual({
      ok: false,
      error: {
        code: 'VIGILANCE.OVERRIDE_DOWNWARDS',
        details: { computed: 'enhanced', requested: 'standard' },
      },
    });
    // A stored downward override never lowers the level.
    expect(vigilanceLevel(lowered)).toBe('enhanced');
  });

  it('R-F2 refuses an override without a reason, and a criterion without its written reason', () => {
    const noReason = anAssessment({ override: { level: 'enhanced', reason: ' ' } });
    expect(checkRiskAssessment(noReason).ok).toBe(false);
    expect(checkRiskAssessment(withCriterion('activity', 'low', ''))).toEqual({
      ok: false,
      error: { code: 'VIGILANCE.ASSESSMENT_INVALID', details: { unexplained: ['activity'] } },
    });
  });
});

describe('R-F3 enhanced approval', () => {
  it('R-F3 only enhanced vigilance needs an approval', () => {
    expect(needsApproval('enhanced')).toBe(true);
    expect(needsApproval('standard')).toBe(false);
  });

  it('R-F3 an associé approves, with the origin of funds', () => {
    expect(checkApproval({ role: 'associe', originOfFunds: 'Apport personnel' }).ok).toBe(true);
    expect(checkApproval({ role: 'collaborateur', originOfFunds: 'x' })).toEqual({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', details: { required: 'associe' } },
    });
    expect(checkApproval({ role: 'associe', originOfFunds: '' })).toEqual({
      ok: false,
      error: { code: 'VIGILANCE.ORIGIN_OF_FUNDS_REQUIRED' },
    });
  });

  it('R-F3 an approval holds for the assessment it was given on only', () => {
    const approval = { approvedBy: 'u', approvedAt: 'x', originOfFunds: 'y', assessmentVersion: 2 };
    expect(isApproved(approval, 2)).toBe(true);
    expect(isApproved(approval, 3)).toBe(false);
    expect(isApproved(null, 1)).toBe(false);
  });
});

describe('R-F6 confidential notes', () => {
  it('R-F6 only associés read the risk notes', () => {
    expect(canReadRiskNotes('associe')).toBe(true);
    expect(canReadRiskNotes('collaborateur')).toBe(false);
    expect(withoutRiskNotes(anAssessment({ notes: 'soupçon' })).notes).toBeNull();
  });
});
