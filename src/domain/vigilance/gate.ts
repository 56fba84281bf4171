import type { MissingItem } from '../documents/completeness.ts';
import type { IsoDate } from '../shared/dates.ts';
import { formatDateFr } from '../shared/format.ts';
import { ok, type Result, refuse } from '../shared/result.ts';
import { type Approval, isApproved, needsApproval } from './approval.ts';
import { type Evidence, type IdentificationFile, missingIdentification } from './identification.ts';
import { isReviewOverdue } from './reviews.ts';
import { type RiskAssessment, vigilanceLevel } from './risk.ts';

/** R-F1: the documents that make the contract: an engagement letter or a replacement letter. */
export const isGatedKind = (kind: string): boolean =>
  kind === 'engagement_letter' || kind === 'replacement_letter';

/** What the gate looks at: the file as it stands on the day. */
export type VigilanceState = {
  readonly identification: IdentificationFile | null;
  readonly evidence: readonly Evidence[];
  readonly assessment: (RiskAssessment & { readonly version: number }) | null;
  readonly approval: Approval | null;
  readonly nextReviewDue: IsoDate | null;
  readonly openMatches: number;
  /** R-F5: a newer register was imported and this file is not screened against it yet. */
  readonly screeningPending: boolean;
};

/**
 * R-F1, R-F3, R-F4, R-F5: every reason the contract cannot go out yet, in French; empty when it
 * may. Never a confidential note: the list is shown to whoever sends the letter.
 */
export const vigilanceBlockers = (state: VigilanceState, today: IsoDate): MissingItem[] => {
  const items: MissingItem[] = state.identification
    ? missingIdentification(state.identification, state.evidence, today).map((m) => ({
        code: `identification.${m.code}`,
        message: m.message,
      }))
    : [{ code: 'identification', message: 'Dossier d’identification LCB-FT non commencé' }];
  const { assessment } = state;
  if (!assessment) {
    items.push({ code: 'assessment', message: 'Évaluation du risque LCB-FT non faite' });
  } else if (needsApproval(vigilanceLevel(assessment)) && !isApproved(state.approval, assessment.version)) {
    items.push({ code: 'approval', message: 'Vigilance renforcée : approbation d’un associé manquante' });
  }
  if (isReviewOverdue(state.nextReviewDue, today)) {
    items.push({
      code: 'review',
      message: `Revue périodique du dossier en retard (due le ${formatDateFr(state.nextReviewDue ?? '')})`,
    });
  }
  if (state.openMatches > 0) {
    items.push({
      code: 'screening',
      message: `Correspondance possible avec le registre des gels d’avoirs à lever par un associé (${state.openMatches})`,
    });
  }
  if (state.screeningPending) {
    items.push({
      code: 'screening.pending',
      message:
        'Filtrage en cours contre le nouveau registre des gels d’avoirs : la lettre pourra partir dès qu’il sera terminé.',
    });
  }
  return items;
};

/** The gate itself: a refusal listing every missing item, as the completeness check does. */
export const assertLetterMaySend = (state: VigilanceState, today: IsoDate): Result<true> => {
  const missing = vigilanceBlockers(state, today);
  return missing.length > 0 ? refuse('VIGILANCE.FILE_INCOMPLETE', { missing }) : ok(true);
};
