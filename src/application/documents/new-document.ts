import type { DocumentTotals } from '../../domain/documents/fees.ts';
import type { DocumentKind } from '../../domain/documents/kinds.ts';
import { DRAFT_LIFECYCLE } from '../../domain/documents/lifecycle.ts';
import type { NewDocument } from '../ports/index.ts';
import type { DocumentLine, DocumentTerms } from '../records.ts';
import { totalsOf } from './line-input.ts';

/** A fresh draft with every lifecycle field empty: the one place a document is born. */
export const newDraft = (input: {
  id: string;
  engagementId: string;
  kind: DocumentKind;
  terms: DocumentTerms;
  lines: DocumentLine[];
  createdBy: string;
  at: Date;
  amendsLetterId?: string | null;
  sourceProposalId?: string | null;
  duplicatedFromId?: string | null;
  coefficient?: string | null;
  replacesIds?: string[];
  basedOnAmendmentIds?: string[] | null;
  campaignId?: string | null;
  firmSignatoryId?: string | null;
}): NewDocument => ({
  ...input.terms,
  id: input.id,
  engagementId: input.engagementId,
  kind: input.kind,
  ...DRAFT_LIFECYCLE,
  amendsLetterId: input.amendsLetterId ?? null,
  sourceProposalId: input.sourceProposalId ?? null,
  duplicatedFromId: input.duplicatedFromId ?? null,
  coefficient: input.coefficient ?? null,
  replacesIds: input.replacesIds ?? [],
  basedOnAmendmentIds: input.basedOnAmendmentIds ?? null,
  campaignId: input.campaignId ?? null,
  firmSignatoryId: input.firmSignatoryId ?? null,
  totals: totalsOf(input.lines) as DocumentTotals,
  frozen: null,
  signingDeadline: null,
  createdBy: input.createdBy,
  createdAt: input.at,
  lines: input.lines,
});
