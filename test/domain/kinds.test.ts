import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  isLetterKind,
  isScopeKind,
  type KIND_POLICIES,
  KINDS_BY_ENGAGEMENT_STATE,
  kindPolicy,
} from '../../src/domain/documents/kinds.ts';
import {
  DOCUMENT_STATUSES,
  EFFECTIVE_STATUSES,
  hasEffect,
  IN_FORCE_STATUSES,
} from '../../src/domain/documents/lifecycle.ts';
import { ALLOWED_DOCUMENT_KINDS } from '../../src/domain/engagements/engagement.ts';

/** One policy per kind: every list of kinds the code reads comes from here. */
describe('the kinds of document and the statuses the stores filter on', () => {
  it('R-C1 the letters are the engagement letter and the replacement letter', () => {
    expect(DOCUMENT_KINDS.filter(isLetterKind)).toEqual(['engagement_letter', 'replacement_letter']);
  });

  it('R-C3 R-D1 the scope in force is made of the letters and their amendments', () => {
    expect(DOCUMENT_KINDS.filter(isScopeKind)).toEqual([
      'engagement_letter',
      'amendment',
      'replacement_letter',
    ]);
  });

  it('R-A2 R-A3 the web app offers the kinds the server allows for each state', () => {
    expect(KINDS_BY_ENGAGEMENT_STATE).toBe(ALLOWED_DOCUMENT_KINDS);
  });

  it('R-B1 the statuses with effect and the status in force, as the store filters them', () => {
    expect(EFFECTIVE_STATUSES).toEqual(DOCUMENT_STATUSES.filter(hasEffect));
    expect(IN_FORCE_STATUSES).toEqual(['signed']);
  });

  it('one policy per kind: a proposal has a validity date, an amendment’s lines are changes, a work order holds one-off lines', () => {
    const holding = (trait: keyof (typeof KIND_POLICIES)['proposal']) =>
      DOCUMENT_KINDS.filter((kind) => kindPolicy(kind)[trait]);
    expect(holding('hasValidityDate')).toEqual(['proposal']);
    expect(holding('linesAreChanges')).toEqual(['amendment']);
    expect(holding('oneOffLinesOnly')).toEqual(['work_order']);
    expect(holding('drawnFromTermination')).toEqual(['termination_letter']);
  });
});
