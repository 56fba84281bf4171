import { type Automation, automationsAfterSignature } from '../../domain/documents/automations.ts';
import { DOCUMENT_TITLES, isLetterKind } from '../../domain/documents/kinds.ts';
import { isInForce } from '../../domain/documents/lifecycle.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import { convertEngagementInScope } from '../engagements/convert-engagement.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps, FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { syncRelationshipEnd } from '../vigilance/relationship.ts';
import { newDraft } from './new-document.ts';
import { transitionDocument } from './transition-document.ts';

type Context = { deps: DocumentDeps; scope: FirmScope; actor: Actor | null; at: Date };

/** R-B2: one draft letter per signed proposal; the unique key on source_proposal_id backs this check. */
const createLetterFromProposal = async ({ deps, scope, actor, at }: Context, proposal: Document) => {
  if (await scope.documents.findLetterFromProposal(proposal.id)) return;
  const id = deps.ids.uuid();
  const today = parisDate(at);
  await scope.documents.insert(
    newDraft({
      at,
      id,
      engagementId: proposal.engagementId,
      kind: 'engagement_letter',
      createdBy: actor?.userId ?? proposal.createdBy,
      sourceProposalId: proposal.id,
      terms: {
        ...proposal,
        title: DOCUMENT_TITLES.engagement_letter,
        validUntil: null,
        effectiveDate: today,
        termsVersionId: (await scope.terms.currentOn(today))?.id ?? proposal.termsVersionId,
      },
      lines: proposal.lines.map((line) => ({ ...line, id: deps.ids.uuid(), originLineId: line.id })),
    }),
  );
  await recordEvent(scope, {
    type: 'document.created',
    actor,
    at,
    engagementId: proposal.engagementId,
    documentId: id,
    after: { kind: 'engagement_letter', status: 'draft' },
    data: { automation: 'R-B2', sourceProposalId: proposal.id },
  });
};

/** R-A4, R-A6: the first signed letter turns a prospect into a client, once, with its client code. */
const convertEngagement = async ({ scope, actor, at }: Context, letter: Document) => {
  await convertEngagementInScope(scope, {
    engagementId: letter.engagementId,
    origin: { type: 'letter_signed', documentId: letter.id },
    actor,
    at,
    data: { automation: 'R-A4', letterNumber: letter.number },
  });
};

/** R-D1: the replaced letters and all their amendments turn replaced, in the signing transaction. */
const replaceLetters = async ({ scope, actor, at }: Context, replacement: Document) => {
  const documents = await scope.documents.listByEngagement(replacement.engagementId);
  const retired = documents.filter(
    (doc) =>
      isInForce(doc.status) &&
      (replacement.replacesIds.includes(doc.id) ||
        (doc.kind === 'amendment' && replacement.replacesIds.includes(doc.amendsLetterId ?? ''))),
  );
  for (const doc of retired) {
    const locked = found(await scope.documents.find(doc.id, { forUpdate: true }), 'document');
    await transitionDocument(
      scope,
      locked,
      { type: 'replace', byDocumentId: replacement.id },
      {
        at,
        actor,
        after: { replacedBy: replacement.number },
        data: { automation: 'R-D1', replacementId: replacement.id },
      },
    );
  }
};

const HANDLERS: Record<Automation['type'], (context: Context, doc: Document) => Promise<void>> = {
  create_letter_from_proposal: createLetterFromProposal,
  convert_engagement: convertEngagement,
  replace_letters: replaceLetters,
};

/** Runs what a document's becoming signed sets off, inside the same transaction. */
export const runAutomations = async (context: Context, signed: Document): Promise<void> => {
  const engagement = found(await context.scope.engagements.find(signed.engagementId), 'engagement');
  for (const automation of automationsAfterSignature({
    kind: signed.kind,
    engagementState: engagement.state,
  })) {
    await HANDLERS[automation.type](context, signed);
  }
  // R-F7: a letter signed after the last one ended reopens the relationship (no purge date any more).
  if (isLetterKind(signed.kind)) {
    await syncRelationshipEnd(context.deps, context.scope, { ...context, engagementId: signed.engagementId });
  }
};
