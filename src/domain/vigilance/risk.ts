import { ok, type Result, refuse } from '../shared/result.ts';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const VIGILANCE_LEVELS = ['simplified', 'standard', 'enhanced'] as const;
export type VigilanceLevel = (typeof VIGILANCE_LEVELS)[number];

export const RISK_CRITERIA = ['client', 'activity', 'location', 'missions'] as const;
export type RiskCriterion = (typeof RISK_CRITERIA)[number];

export type CriterionRating = { readonly level: RiskLevel; readonly reason: string };

/** R-F2: the four criteria, the three facts that force enhanced vigilance, an optional override. */
export type RiskAssessment = {
  readonly criteria: Readonly<Record<RiskCriterion, CriterionRating>>;
  readonly politicallyExposed: boolean;
  readonly neverMetInPerson: boolean;
  readonly highRiskCountry: boolean;
  /** Raised by a user, never lowered (R-F2), with its reason. */
  readonly override: { readonly level: VigilanceLevel; readonly reason: string } | null;
  /** R-F6: confidential, associés only. */
  readonly notes: string | null;
};

const rank = (level: VigilanceLevel): number => VIGILANCE_LEVELS.indexOf(level);

/** R-F2: a PEP, a client never met, a high-risk country or any high criterion means enhanced. */
export const computedVigilanceLevel = (a: RiskAssessment): VigilanceLevel => {
  const levels = RISK_CRITERIA.map((c) => a.criteria[c].level);
  if (a.politicallyExposed || a.neverMetInPerson || a.highRiskCountry || levels.includes('high')) {
    return 'enhanced';
  }
  return levels.includes('medium') ? 'standard' : 'simplified';
};

/** R-F2: the level the firm applies: the computed one, or an override above it. */
export const vigilanceLevel = (a: RiskAssessment): VigilanceLevel => {
  const computed = computedVigilanceLevel(a);
  return a.override && rank(a.override.level) > rank(computed) ? a.override.level : computed;
};

/**
 * R-F2: an assessment is recorded only with a written reason for each criterion, and an override
 * only upwards and with its reason.
 */
export const checkRiskAssessment = (a: RiskAssessment): Result<RiskAssessment> => {
  const unexplained = RISK_CRITERIA.filter((c) => a.criteria[c].reason.trim() === '');
  if (unexplained.length > 0) return refuse('VIGILANCE.ASSESSMENT_INVALID', { unexplained });
  if (a.override) {
    if (a.override.reason.trim() === '')
      return refuse('VIGILANCE.ASSESSMENT_INVALID', { override: 'reason' });
    if (rank(a.override.level) <= rank(computedVigilanceLevel(a))) {
      return refuse('VIGILANCE.OVERRIDE_DOWNWARDS', {
        computed: computedVigilanceLevel(a),
        requested: a.override.level,
      });
    }
  }
  return ok(a);
};

/** R-F6: risk notes and any suspicion are read by associés only. */
export const canReadRiskNotes = (role: string): boolean => role === 'associe';

/** R-F6: the assessment as someone who may not read the notes sees it. */
export const withoutRiskNotes = <T extends { readonly notes: string | null }>(a: T): T => ({
  ...a,
  notes: null,
});
