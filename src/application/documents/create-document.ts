import type { BillingPeriod } from '../../domain/billing/instalments.ts';
import {
  DEFAULT_PAYMENT_TERMS,
  defaultValidUntil,
  initialRevisionClause,
} from '../../domain/documents/defaults.ts';
import type { DocumentKind } from '../../domain/documents/kinds.ts';
import { DOCUMENT_TITLES, isLetterKind, isScopeKind, kindPolicy } from '../../domain/documents/kinds.ts';
import { assertLinesAllowed } from '../../domain/documents/lines.ts';
import { scopeOfDocuments } from '../../domain/documents/scope-inputs.ts';
import { assertDocumentKindAllowed } from '../../domain/engagements/engagement.ts';
import { assertMaySignForFirm } from '../../domain/firm/signatory.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps, FirmScope } from '../ports/index.ts';
import type { Document, DocumentLine, DocumentTerms, Engagement } from '../records.ts';
import { askReviewOnDocument } from '../vigilance/reviews.ts';
import { amendmentLinesFor, type ChangeInput } from './amendment-lines.ts';
import { buildLines, type LineInput } from './line-input.ts';
import { newDraft } from './new-document.ts';
import { prefillReplacement, type ReplacementOptions } from './prefill-replacement.ts';

export type CreateDocumentInput = Partial<Omit<DocumentTerms, 'title'>> & {
  engagementId: string;
  kind: DocumentKind;
  title?: string;
  lines?: LineInput[];
  amendsLetterId?: string;
  changes?: ChangeInput[];
  replacement?: ReplacementOptions;
  /** The associé who signs for the firm (issue 14, item 7); absent: the default rule at sending. */
  firmSignatoryId?: string | null;
};

type Built = {
  lines: DocumentLine[];
  amendsLetterId?: string;
  replacesIds?: string[];
  coefficient?: string | null;
};

const buildContent = async (
  deps: DocumentDeps,
  scope: FirmScope,
  engagement: Engagement,
  input: CreateDocumentInput,
  today: string,
): Promise<Built> => {
  if (input.kind === 'amendment') {
    if (!input.amendsLetterId) {
      throw new AppError('REQUEST.VALIDATION_FAILED', {
        fields: [
          { field: 'body.amendsLetterId', message: 'Indiquez la lettre de mission que l’avenant modifie.' },
        ],
      });
    }
    return {
      lines: await amendmentLinesFor(scope, deps.ids, {
        engagementId: engagement.id,
        amendsLetterId: input.amendsLetterId,
        effectiveDate: input.effectiveDate,
        today,
        changes: input.changes ?? [],
      }),
      amendsLetterId: input.amendsLetterId,
    };
  }
  if (input.kind === 'replacement_letter') {
    const date = input.effectiveDate ?? today;
    const named =
      input.replacement?.replacesIds ??
      scopeOfDocuments(await scope.documents.listByEngagement(engagement.id), date).letters.map(
        (l) => l.letterId,
      );
    // The letters' row locks queue an amendment being signed meanwhile: it lands before our read
    // of the scope, or after this letter exists (and then the send sees it).
    for (const id of [...named].sort()) await scope.documents.find(id, { forUpdate: true });
    const documents = await scope.documents.listByEngagement(engagement.id);
    return prefillReplacement(deps.ids, documents, { ...input.replacement, replacesIds: named }, date);
  }
  const lines = await buildLines(scope, deps.ids, input.lines ?? []);
  unwrap(assertLinesAllowed(input.kind, lines));
  return { lines };
};

/** Issue 14, item 5: a replacement letter keeps the revision clause of the letters it replaces. */
const replacedClauseOf = async (scope: FirmScope, engagementId: string, replacesIds: readonly string[]) => {
  if (replacesIds.length === 0) return null;
  const documents = await scope.documents.listByEngagement(engagementId);
  return (
    documents
      .filter((doc) => replacesIds.includes(doc.id) && doc.revisionClause)
      .sort((a, b) => (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? ''))[0]?.revisionClause ?? null
  );
};

/** R-G2: only a letter says how it is billed; an amendment follows its letter's billing period. */
export const assertBillingPeriodAllowed = (kind: DocumentKind, billingPeriod: BillingPeriod | undefined) => {
  if (billingPeriod !== undefined && !isLetterKind(kind))
    throw new AppError('DOCUMENT.BILLING_PERIOD_NOT_ALLOWED', { kind });
};

/**
 * R-G2: a replacement letter is billed as the newest letter it replaces was, an amendment as its
 * letter; any other document monthly.
 */
const inheritedPeriodOf = async (
  scope: FirmScope,
  engagementId: string,
  content: Built,
): Promise<BillingPeriod> => {
  const ids = content.amendsLetterId ? [content.amendsLetterId] : (content.replacesIds ?? []);
  if (ids.length === 0) return 'monthly';
  const documents = await scope.documents.listByEngagement(engagementId);
  return (
    documents
      .filter((doc) => ids.includes(doc.id))
      .sort((a, b) => (b.effectiveDate ?? '').localeCompare(a.effectiveDate ?? ''))[0]?.billingPeriod ??
    'monthly'
  );
};

/** A letter dated in the past still takes today's terms; one dated ahead, those of its start. */
const laterOf = (a: string, b: string) => (a > b ? a : b);

/** Creates a draft of any of the five kinds, checked against the engagement's state (R-A2, R-A3). */
export const createDocument = async (
  deps: DocumentDeps,
  actor: Actor,
  input: CreateDocumentInput,
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const today = parisDate(at);
    const engagement = found(
      await scope.engagements.find(input.engagementId, { forUpdate: true }),
      'engagement',
    );
    unwrap(assertDocumentKindAllowed(engagement.state, input.kind));
    assertBillingPeriodAllowed(input.kind, input.billingPeriod);
    const content = await buildContent(deps, scope, engagement, input, today);
    const termsVersionId =
      input.termsVersionId ??
      (isScopeKind(input.kind)
        ? (await scope.terms.currentOn(laterOf(input.effectiveDate ?? today, today)))?.id
        : undefined);
    if (input.termsVersionId) found(await scope.terms.find(input.termsVersionId), 'terms');
    if (input.firmSignatoryId) unwrap(assertMaySignForFirm(await scope.users.list(), input.firmSignatoryId));
    // The firm's setting « clause de révision par défaut » (issue 14, item 5), on unless it says not.
    const revisionClause = initialRevisionClause({
      kind: input.kind,
      typed: input.revisionClause,
      replacedClause: await replacedClauseOf(scope, engagement.id, content.replacesIds ?? []),
      revisionClauseByDefault: (await scope.firm.get()).revisionClauseByDefault,
    });
    const id = deps.ids.uuid();
    await scope.documents.insert(
      newDraft({
        at,
        id,
        engagementId: engagement.id,
        kind: input.kind,
        createdBy: actor.userId,
        firmSignatoryId: input.firmSignatoryId ?? null,
        terms: {
          title: input.title ?? DOCUMENT_TITLES[input.kind],
          validUntil: input.validUntil ?? defaultValidUntil(input.kind, today),
          effectiveDate: input.effectiveDate ?? (kindPolicy(input.kind).hasValidityDate ? null : today),
          durationMonths: input.durationMonths ?? 12,
          renewal: input.renewal ?? 'tacit',
          noticeMonths: input.noticeMonths ?? 3,
          billingPeriod: input.billingPeriod ?? (await inheritedPeriodOf(scope, engagement.id, content)),
          paymentTerms: input.paymentTerms ?? DEFAULT_PAYMENT_TERMS,
          revisionClause,
          notes: input.notes ?? null,
          termsVersionId: termsVersionId ?? null,
        },
        ...content,
      }),
    );
    await recordEvent(scope, {
      type: 'document.created',
      actor,
      at,
      engagementId: engagement.id,
      documentId: id,
      after: { kind: input.kind, status: 'draft' },
    });
    await askReviewOnDocument(deps, scope, {
      engagementId: engagement.id,
      documentId: id,
      kind: input.kind,
      at,
    });
    return found(await scope.documents.find(id), 'document');
  });
};
