import type { IsoDate } from '../../domain/shared/dates.ts';
import { type VigilanceState, vigilanceBlockers } from '../../domain/vigilance/gate.ts';
import {
  isBlockingMatch,
  prefillIdentification,
  type VigilanceFile,
} from '../../domain/vigilance/vigilance-file.ts';
import type { FirmScope, GateInputs, RegisterImport } from '../ports/index.ts';
import type { Engagement } from '../records.ts';
import { relationshipEndOf } from './relationship.ts';

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
    relationshipEndedOn: await relationshipEndOf(scope, engagement),
    screenedRegisterId: null,
    purgedAt: null,
    purgedBy: null,
    purgeReason: null,
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

const NO_FILE: VigilanceState = {
  identification: null,
  evidence: [],
  assessment: null,
  approval: null,
  nextReviewDue: null,
  openMatches: 0,
  screeningPending: false,
};

/**
 * The gate's state of one file: the nearest due date of its periodic review and of the reviews
 * asked; the matches not cleared; whether the register last imported has screened it (R-F5).
 */
const stateOf = (
  file: VigilanceFile,
  inputs: { evidence: VigilanceState['evidence']; reviewDues: string[]; openMatches: number },
  /** The import whose screening is running (null when none is). */
  latestRegisterId: string | null,
): VigilanceState => {
  const dues = [file.nextReviewDue, ...inputs.reviewDues].filter((d): d is string => d !== null);
  return {
    identification: file.identification,
    evidence: inputs.evidence,
    assessment: file.assessment && { ...file.assessment, version: file.assessmentVersion },
    approval: file.approval,
    nextReviewDue: dues.sort()[0] ?? null,
    openMatches: inputs.openMatches,
    screeningPending:
      latestRegisterId !== null &&
      file.identification !== null &&
      file.screenedRegisterId !== latestRegisterId,
  };
};

/**
 * R-F5: the import whose screening of every file is still running, if any: the files it has not
 * screened yet wait for it. Once it is over, a file started later is screened by its
 * identification (every change screens it).
 */
const screeningUnderWay = (register: RegisterImport | undefined): string | null =>
  register && register.screeningFinishedAt === null ? register.id : null;

/** What the gate looks at for one engagement (R-F1, R-F3, R-F4, R-F5). */
export const vigilanceStateOf = async (scope: FirmScope, engagementId: string): Promise<VigilanceState> => {
  const file = await scope.vigilance.findFile(engagementId);
  if (!file) return NO_FILE;
  const [evidence, matches, reviews, register] = await Promise.all([
    scope.vigilance.listEvidence(engagementId),
    scope.vigilance.listMatches({ engagementId }),
    scope.vigilance.listOpenReviews(engagementId),
    scope.vigilance.findRegisterImport(),
  ]);
  return stateOf(
    file,
    {
      evidence,
      reviewDues: reviews.map((r) => r.dueOn),
      openMatches: matches.filter(isBlockingMatch).length,
    },
    screeningUnderWay(register),
  );
};

/** The gate's states of many engagements at once, from a few queries (a campaign's slice). */
export const vigilanceStatesOf = (
  inputs: GateInputs,
  engagementIds: readonly string[],
  latestRegisterId: string | null,
): Map<string, VigilanceState> => {
  const fileOf = new Map(inputs.files.map((f) => [f.engagementId, f]));
  const group = <T extends { engagementId: string }>(rows: readonly T[]) => {
    const byId = new Map<string, T[]>();
    for (const row of rows) byId.set(row.engagementId, [...(byId.get(row.engagementId) ?? []), row]);
    return byId;
  };
  const evidenceOf = group(inputs.evidence);
  const reviewsOf = group(inputs.openReviews);
  const states = new Map<string, VigilanceState>();
  for (const id of engagementIds) {
    const file = fileOf.get(id);
    states.set(
      id,
      file
        ? stateOf(
            file,
            {
              evidence: evidenceOf.get(id) ?? [],
              reviewDues: (reviewsOf.get(id) ?? []).map((r) => r.dueOn),
              openMatches: inputs.blockingMatches.get(id) ?? 0,
            },
            latestRegisterId,
          )
        : NO_FILE,
    );
  }
  return states;
};

/**
 * R-F1…R-F5 for a campaign: what each engagement's file lacks before its letter may go out (French
 * messages), none at all when the firm's gate is off.
 */
export const vigilanceMissingOf = async (
  scope: FirmScope,
  engagementIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, string[]>> => {
  const settings = await scope.vigilance.settings();
  if (!settings.controlsEnabled || engagementIds.length === 0) return new Map();
  const inputs = await scope.vigilance.listGateInputs(engagementIds);
  const register = await scope.vigilance.findRegisterImport();
  const states = vigilanceStatesOf(inputs, engagementIds, screeningUnderWay(register));
  return new Map(
    [...states].map(([id, state]) => [id, vigilanceBlockers(state, today).map((m) => m.message)]),
  );
};

/** Every reason the engagement's contract cannot go out, empty when the firm's controls are off. */
export const blockersFor = async (scope: FirmScope, engagementId: string, today: IsoDate) => {
  const settings = await scope.vigilance.settings();
  if (!settings.controlsEnabled) return [];
  return vigilanceBlockers(await vigilanceStateOf(scope, engagementId), today);
};
