import { checkReplacementUpToDate, needsUpToDateCheck } from '../../domain/documents/letters-in-force.ts';
import { decideSignature, type SignatureSide } from '../../domain/documents/signatures.ts';
import { signatoryCapacity } from '../../domain/firm/signatory.ts';
import { type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps, FirmScope } from '../ports/index.ts';
import type { Document, Signature } from '../records.ts';
import { assertVigilanceAllowsContract } from '../vigilance/vigilance-gate.ts';
import { assertTargetsStillInForce } from './letters-in-force.ts';
import { runAutomations } from './run-automations.ts';
import { transitionDocument } from './transition-document.ts';

export type RecordSignatureInput = {
  documentId: string;
  side: SignatureSide;
  method: 'paper' | 'in_person' | 'electronic';
  signatoryName?: string;
  capacity?: string | null;
  contactId?: string | null;
  /** For the firm's side: the associé who signed (by default the user recording it). */
  userId?: string | null;
  signedOn?: IsoDate;
  scan?: { fileName: string; contentType: string; base64: string } | null;
};

export type Signer = {
  signerIsAssocie: boolean;
  name: string;
  userId: string | null;
  contactId: string | null;
  capacity: string | null;
};

/** Resolves who signed: an associé of the firm, or the client's contact on the engagement's company. */
const resolveSigner = async (
  actor: Actor,
  scope: FirmScope,
  doc: Document,
  input: RecordSignatureInput,
): Promise<Signer> => {
  if (input.side === 'firm') {
    const user = found(await scope.users.find(input.userId ?? actor.userId), 'user');
    return {
      signerIsAssocie: user.role === 'associe' && user.isActive,
      name: input.signatoryName ?? user.name,
      userId: user.id,
      contactId: null,
      capacity: input.capacity ?? signatoryCapacity(user),
    };
  }
  const engagement = found(await scope.engagements.find(doc.engagementId), 'engagement');
  const contactId = input.contactId ?? engagement.signatoryContactId;
  const contact = contactId ? found(await scope.contacts.find(contactId), 'contact') : undefined;
  if (contact && contact.companyId !== engagement.companyId) throw new AppError('CONTACT.NOT_IN_COMPANY');
  const name = input.signatoryName ?? (contact ? `${contact.firstName} ${contact.lastName}` : undefined);
  if (!name)
    throw new AppError('REQUEST.VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.signatoryName',
          message: 'Nom du signataire manquant : indiquez-le, ou désignez le contact signataire.',
        },
      ],
    });
  return {
    signerIsAssocie: false,
    name,
    userId: null,
    contactId: contact?.id ?? null,
    capacity: input.capacity ?? contact?.capacity ?? null,
  };
};

/** A signature is dated between the day the document was sent and today (Paris dates). */
const assertSignedOnPlausible = (signedOn: string, bounds: { today: string; sentOn: string | null }) => {
  const message =
    signedOn > bounds.today
      ? 'Une signature ne peut pas être datée de demain ou plus tard.'
      : bounds.sentOn && signedOn < bounds.sentOn
        ? `Une signature ne peut pas précéder l’envoi du document (le ${bounds.sentOn}).`
        : undefined;
  if (message)
    throw new AppError('REQUEST.VALIDATION_FAILED', { fields: [{ field: 'body.signedOn', message }] });
};

/**
 * In the product, only the associé signs electronically, for the firm, as themself and today: a
 * client signs electronically through their own link, and a signature recorded for someone else is
 * one on paper or in person.
 */
const assertElectronicIsOwnSignature = (actor: Actor, input: RecordSignatureInput, today: IsoDate) => {
  if (input.method !== 'electronic') return;
  const message =
    input.side !== 'firm'
      ? 'Le client signe électroniquement par son lien personnel : enregistrez ici une signature sur papier ou en présence.'
      : (input.userId && input.userId !== actor.userId) || input.signatoryName || input.scan
        ? 'Une signature électronique est la vôtre : elle ne se fait pas au nom d’un autre associé, ni avec un scan.'
        : input.signedOn && input.signedOn !== today
          ? 'Une signature électronique est datée du jour où elle est donnée.'
          : undefined;
  if (message)
    throw new AppError('REQUEST.VALIDATION_FAILED', { fields: [{ field: 'body.method', message }] });
};

/**
 * R-B3: records one side's signature in the caller's transaction, the document row already locked;
 * the last required one signs the document, runs the automations (R-A4, R-B2, R-D1) and queues the
 * sealed copy. The unique key per side makes a repeated signature a refusal, never a duplicate.
 */
export const applySignature = async (
  deps: DocumentDeps,
  scope: FirmScope,
  input: {
    doc: Document;
    side: SignatureSide;
    method: Signature['method'];
    signer: Signer;
    signedOn: IsoDate;
    at: Date;
    /** Null when the signer signed through their link, without an account. */
    actor: Actor | null;
    scan?: RecordSignatureInput['scan'];
  },
): Promise<{ document: Document; signature: Signature; signedSides: SignatureSide[] }> => {
  const { doc, side, signer, at, actor } = input;
  const existing = await scope.signatures.listByDocument(doc.id);
  const decision = unwrap(
    decideSignature({
      kind: doc.kind,
      frozen: doc.frozen,
      status: doc.status,
      alreadySigned: existing.map((s) => s.side),
      side,
      signerIsAssocie: signer.signerIsAssocie,
      signingDeadline: doc.signingDeadline,
      now: at,
    }),
  );
  const signature: Signature = {
    id: deps.ids.uuid(),
    documentId: doc.id,
    side,
    method: input.method,
    signatoryName: signer.name,
    capacity: signer.capacity,
    contactId: signer.contactId,
    userId: signer.userId,
    signedOn: input.signedOn,
    scanFileName: input.scan?.fileName ?? null,
    hasScan: Boolean(input.scan),
    recordedBy: actor?.userId ?? null,
    recordedAt: at,
  };
  const { hasScan: _, ...columns } = signature;
  const inserted = await scope.signatures.insert({
    ...columns,
    scanContentType: input.scan?.contentType ?? null,
    scanBase64: input.scan?.base64 ?? null,
  });
  if (!inserted) throw new AppError('DOCUMENT.SIGNATURE_ALREADY_RECORDED', { side });
  await recordEvent(scope, {
    type: 'document.signature_recorded',
    actor,
    at,
    engagementId: doc.engagementId,
    documentId: doc.id,
    data: { side, method: input.method, signatoryName: signer.name, missingSides: decision.missingSides },
  });
  let document = doc;
  if (decision.completesDocument) {
    await assertTargetsStillInForce(scope, doc);
    // Only a kind checked against the engagement's other documents reads them (R-D2).
    if (needsUpToDateCheck(doc.kind))
      unwrap(checkReplacementUpToDate(await scope.documents.listByEngagement(doc.engagementId), doc));
    document = await transitionDocument(scope, doc, { type: 'sign' }, { at, actor });
    await runAutomations({ deps, scope, actor, at }, document);
    await scope.jobs.enqueue({ name: 'document.seal', data: { firmId: scope.firmId, documentId: doc.id } });
  }
  // The sides signed now: the ones before and this one (the unique key refused a second of the same side).
  return { document, signature, signedSides: [...existing.map((s) => s.side), side] };
};

/** A signature recorded in the product: on paper, in person, or the associé's own electronic one. */
export const recordSignature = async (
  deps: DocumentDeps,
  actor: Actor,
  input: RecordSignatureInput & { evidence?: { ip: string | null; userAgent: string | null } },
): Promise<{ document: Document; signature: Signature }> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const signedOn = input.signedOn ?? parisDate(at);
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    assertSignedOnPlausible(signedOn, { today: parisDate(at), sentOn: doc.sentAt && parisDate(doc.sentAt) });
    assertElectronicIsOwnSignature(actor, input, parisDate(at));
    // R-F1: a contract signed on paper is one the firm enters just as if it had sent it.
    if (input.method !== 'electronic') await assertVigilanceAllowsContract(scope, doc, parisDate(at));
    const signer = await resolveSigner(actor, scope, doc, input);
    const result = await applySignature(deps, scope, {
      doc,
      side: input.side,
      method: input.method,
      signer,
      signedOn,
      at,
      actor,
      scan: input.scan,
    });
    // The side's signing link, if it had one, is used up. Only the associé's own electronic signature
    // leaves their session's address and browser as evidence; staff recording a paper signature
    // are not the signer.
    const request = (await scope.signingRequests.listByDocument(doc.id)).find((r) => r.side === input.side);
    if (request && !request.outcome) {
      const own = input.method === 'electronic';
      await scope.signingRequests.update(request.id, {
        outcome: 'signed',
        completedAt: at,
        completedIp: own ? (input.evidence?.ip ?? null) : null,
        completedUserAgent: own ? (input.evidence?.userAgent ?? null) : null,
      });
    }
    return result;
  });
};
