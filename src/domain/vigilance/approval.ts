import { ok, type Result, refuse } from '../shared/result.ts';
import type { VigilanceLevel } from './risk.ts';

/** R-F3: an associé's approval of an enhanced file, with the origin of funds it relied on. */
export type Approval = {
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly originOfFunds: string;
  /** The assessment it approved: a new assessment needs a new approval. */
  readonly assessmentVersion: number;
};

/** R-F3: only enhanced vigilance needs an associé's approval before the letter goes out. */
export const needsApproval = (level: VigilanceLevel): boolean => level === 'enhanced';

/** R-F3: the approval holds for the assessment it was given on, not for a later one. */
export const isApproved = (approval: Approval | null, assessmentVersion: number): boolean =>
  approval !== null && approval.assessmentVersion === assessmentVersion;

/** R-F3: an associé approves, with a note on the origin of funds. */
export const checkApproval = (input: { role: string; originOfFunds: string }): Result<true> => {
  if (input.role !== 'associe') return refuse('AUTH.FORBIDDEN', { required: 'associe' });
  if (input.originOfFunds.trim() === '') return refuse('VIGILANCE.ORIGIN_OF_FUNDS_REQUIRED');
  return ok(true);
};
