import type { IsoDate } from '../../domain/shared/dates.ts';
import { type VigilanceState, vigilanceBlockers } from '../../domain/vigilance/gate.ts';
import {
  isBlockingMatch,
  prefillIdentification,
  type VigilanceFile,
} from '../../domain/vigilance/vigilance-file.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Engagement } from '../records.ts';

/** A file not saved yet: what the engagement's company record already says (R-F1). */
export const startedFile = async (scope: FirmScope, engagement: Engagement): Promise<VigilanceFile> => {
  const company = await scope.companies.find(engagement.companyId);
  const signatory = engagement.signatoryContactId
    ? ((await scope.contacts.find(engagement.signatoryContactId)) ?? null)
    : null;
  return {
    engagementId: engagement.id,
    identification: company ? prefillIdentification(company, signatory) : null,
    assessment: null,
    assessmentVersion: 0,
    assessedBy: null,
    assessedAt: null,
    level: null,
    approval: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    relationshipEndedOn: null,
    version: 0,
    updatedAt: engagement.createdAt,
  };
};

/** The saved file, or the prefilled one when nobody started it yet. */
export const fileOrStarted = async (
  scope: FirmScope,
  engagement: Engagement,
  options: { forUpdate?: boolean } = {},
): Promise<VigilanceFile> =>
  (await scope.vigilance.findFile(engagement.id, options)) ?? startedFile(scope, engagement);

/** What the gate looks at for one engagement (R-F1, R-F3, R-F4, R-F5). */
export const vigilanceStateOf = async (scope: FirmScope, engagementId: string): Promise<VigilanceState> => {
  const file = await scope.vigilance.findFile(engagementId);
  if (!file) {
    return {
      identification: null,
      evidence: [],
      assessment: null,
      approval: null,
      nextReviewDue: null,
      openMatches: 0,
    };
  }
  const [evidence, matches, reviews] = await Promise.all([
    scope.vigilance.listEvidence(engagementId),
    scope.vigilance.listMatches({ engagementId }),
    scope.vigilance.listOpenReviews(engagementId),
  ]);
  const dues = [file.nextReviewDue, ...reviews.map((r) => r.dueOn)].filter((d): d is string => d !== null);
  return {
    identification: file.identification,
    evidence,
    assessment: file.assessment && { ...file.assessment, version: file.assessmentVersion },
    approval: file.approval,
    nextReviewDue: dues.sort()[0] ?? null,
    openMatches: matches.filter(isBlockingMatch).length,
  };
};

/** Every reason the engagement's contract cannot go out, empty when the firm's controls are off. */
export const blockersFor = async (scope: FirmScope, engagementId: string, today: IsoDate) => {
  const settings = await scope.vigilance.settings();
  if (!settings.controlsEnabled) return [];
  return vigilanceBlockers(await vigilanceStateOf(scope, engagementId), today);
};
