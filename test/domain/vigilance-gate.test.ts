import { describe, expect, it } from 'vitest';
import {
  assertLetterMaySend,
  isGatedKind,
  type VigilanceState,
  vigilanceBlockers,
} from '../../src/domain/vigilance/gate.ts';
import { aCompanyFile, anAssessment, anEvidenceSet } from '../builders/vigilance.ts';

const TODAY = '2026-11-29';
const ready = (overrides: Partial<VigilanceState> = {}): VigilanceState => ({
  identification: aCompanyFile(),
  evidence: anEvidenceSet(),
  assessment: { ...anAssessment(), version: 1 },
  approval: null,
  nextReviewDue: '2029-11-29',
  openMatches: 0,
  screeningPending: false,
  ...overrides,
});
const codes = (state: VigilanceState) => vigilanceBlockers(state, TODAY).map((m) => m.code);
const enhanced = { ...anAssessment({ politicallyExposed: true }), version: 2 };

describe('the LCB-FT gate before the contract', () => {
  it('R-F1 gates engagement letters and replacement letters, not proposals', () => {
    expect(isGatedKind('engagement_letter')).toBe(true);
    expect(isGatedKind('replacement_letter')).toBe(true);
    expect(isGatedKind('proposal')).toBe(false);
    expect(isGatedKind('amendment')).toBe(false);
  });

  it('R-F5 holds a file not yet screened against the register just imported', () => {
    expect(vigilanceBlockers(ready({ screeningPending: true }), TODAY)).toEqual([
      {
        code: 'screening.pending',
        message:
          'Filtrage en cours contre le nouveau registre des gels d’avoirs : la lettre pourra partir dès qu’il sera terminé.',
      },
    ]);
  });

  it('R-F1 lets a complete, assessed, reviewed and screened file through', () => {
    expect(assertLetterMaySend(ready(), TODAY)).toEqual({ ok: true, value: true });
  });

  it('R-F1 refuses while the file is missing or incomplete, listing each item', () => {
    expect(codes(ready({ identification: null }))).toEqual(['identification']);
    expect(codes(ready({ evidence: [] }))).toEqual([
      'identification.evidence.kbis',
      'identification.evidence.beneficialOwnersRegister',
      'identification.evidence.identity.p-1',
    ]);
    expect(assertLetterMaySend(ready({ identification: null, assessment: null }), TODAY)).toEqual({
      ok: false,
      error: {
        code: 'VIGILANCE.FILE_INCOMPLETE',
        details: {
          missing: [
            { code: 'identification', message: 'Dossier d’identification LCB-FT non commencé' },
            { code: 'assessment', message: 'Évaluation du risque LCB-FT non faite' },
          ],
        },
      },
    });
  });

  it('R-F3 refuses an enhanced file until an associé approved this assessment', () => {
    expect(codes(ready({ assessment: enhanced }))).toEqual(['approval']);
    const approval = { approvedBy: 'u', approvedAt: 'x', originOfFunds: 'épargne', assessmentVersion: 2 };
    expect(codes(ready({ assessment: enhanced, approval }))).toEqual([]);
    expect(codes(ready({ assessment: { ...enhanced, version: 3 }, approval }))).toEqual(['approval']);
  });

  it('R-F4 refuses while the review is overdue, saying since when', () => {
    const [item] = vigilanceBlockers(ready({ nextReviewDue: '2026-11-28' }), TODAY);
    expect(item).toEqual({
      code: 'review',
      message: 'Revue périodique du dossier en retard (due le 28/11/2026)',
    });
  });

  it('R-F5 refuses while a possible match is not cleared', () => {
    expect(codes(ready({ openMatches: 2 }))).toEqual(['screening']);
  });
});
