import { amendmentTotalsOf } from '../../domain/documents/amendment-totals.ts';
import { isLetterKind } from '../../domain/documents/kinds.ts';
import { availableActions } from '../../domain/documents/lifecycle.ts';
import { isOutsideScope } from '../../domain/documents/scope.ts';
import { amendedLetterScopes, scopeOfDocuments } from '../../domain/documents/scope-inputs.ts';
import { FIRM_SIGNED_KINDS, requiredSignaturesOf } from '../../domain/documents/signatures.ts';
import { letterTerm } from '../../domain/documents/term.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { DocumentDeps, DocumentFilter, FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';

/** Letters show when their period ends and the last day to give notice (DOMAIN.md "Duration"). */
const termOf = async (scope: FirmScope, document: Document) => {
  if (!isLetterKind(document.kind) || !document.effectiveDate) return null;
  const engagement = await scope.engagements.find(document.engagementId);
  const company = engagement && (await scope.companies.find(engagement.companyId));
  if (!company) return null;
  return letterTerm({
    ...document,
    effectiveDate: document.effectiveDate,
    fiscalYearEnd: company.fiscalYearEnd,
  });
};

/**
 * R-C2: what an amendment does to its letter's annual recurring fees on its effective date, signed
 * or not yet: the figure a client asks for before signing.
 */
const amendmentImpact = async (scope: FirmScope, document: Document, today: string) => {
  if (document.kind !== 'amendment') return null;
  const others = (await scope.documents.listByEngagement(document.engagementId)).filter(
    (d) => d.id !== document.id,
  );
  const scopes = amendedLetterScopes(document, others, document.effectiveDate ?? today);
  if (!scopes) return null;
  return {
    letterAnnualBeforeCents: scopes.before.annualRecurringCents,
    letterAnnualAfterCents: scopes.after.annualRecurringCents,
    ...amendmentTotalsOf({
      before: scopes.before.lines,
      after: scopes.after.lines,
      effectiveDate: document.effectiveDate ?? today,
      // R-G2: the amendment follows its letter's billing period, as its PDF says (document-facts).
      billingPeriod: document.billingPeriod,
    }),
  };
};

/** R-C4: the work-order lines that the scope in force on its effective date does not cover. */
const outsideScopeLineIds = async (
  scope: FirmScope,
  document: Document,
  today: string,
): Promise<string[]> => {
  if (document.kind !== 'work_order') return [];
  const inForce = scopeOfDocuments(
    await scope.documents.listByEngagement(document.engagementId),
    document.effectiveDate ?? today,
  );
  return document.lines.filter((line) => isOutsideScope(line, inForce)).map((line) => line.id);
};

export const getDocument = async (deps: DocumentDeps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const document = found(await scope.documents.find(input.documentId), 'document');
  const today = parisDate(deps.clock.now());
  const [signatures, letter, outsideScope, term, impact] = await Promise.all([
    scope.signatures.listByDocument(document.id),
    document.kind === 'proposal' ? scope.documents.findLetterFromProposal(document.id) : undefined,
    outsideScopeLineIds(scope, document, today),
    termOf(scope, document),
    amendmentImpact(scope, document, today),
  ]);
  return {
    document,
    signatures,
    requiredSignatures: requiredSignaturesOf(document),
    // R-G1: a document that needs no signature (posted as a registered letter) is not offered to sign.
    availableActions: availableActions(document).filter(
      (action) => action !== 'sign' || requiredSignaturesOf(document).length > 0,
    ),
    createdLetterId: letter?.id ?? null,
    outsideScopeLineIds: outsideScope,
    term,
    amendmentImpact: impact,
  };
};

/** `awaitingMySignature`: the « À signer par moi » list, the documents the caller signs for the firm. */
export const listDocuments = (
  deps: DocumentDeps,
  actor: Actor,
  {
    awaitingMySignature,
    ...filter
  }: Omit<DocumentFilter, 'awaitingFirmSignature' | 'afterNumber'> & {
    awaitingMySignature?: boolean;
  },
) =>
  deps.store.read(actor.firmId).documents.list({
    ...filter,
    ...(awaitingMySignature
      ? { status: 'sent', awaitingFirmSignature: { userId: actor.userId, kinds: FIRM_SIGNED_KINDS } }
      : {}),
  });

export const listDocumentHistory = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.documents.find(input.documentId), 'document');
  return scope.events.listByDocument(input.documentId);
};

/** The scanned paper signature, as it was uploaded. */
export const getSignatureScan = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string; signatureId: string },
) =>
  found(await deps.store.read(actor.firmId).signatures.findScan(input.documentId, input.signatureId), 'scan');
