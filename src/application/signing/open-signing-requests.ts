import {
  REQUIRED_SIGNATURES,
  type SignatureSide,
  signsElectronically,
} from '../../domain/documents/signatures.ts';
import { documentSignatory, signatoryCapacity } from '../../domain/firm/signatory.ts';
import { normaliseMobile } from '../../domain/signing/mobile.ts';
import { AppError, found } from '../app-error.ts';
import type { FirmScope, SigningLinkDeps } from '../ports/index.ts';
import type { Document, Firm } from '../records.ts';
import { queueLinkMail } from './signing-link-mails.ts';

type Signer = {
  side: SignatureSide;
  name: string;
  email: string | null;
  /** E.164; for the client, the contact's phone when it is a mobile. */
  mobile: string | null;
  capacity: string | null;
  contactId: string | null;
  userId: string | null;
};

/** R-B3: the client's signatory contact, and for letters the associé who signs for the firm. */
export const requiredSigners = async (scope: FirmScope, doc: Document): Promise<Signer[]> => {
  const engagement = found(await scope.engagements.find(doc.engagementId), 'engagement');
  const signers: Signer[] = [];
  for (const side of REQUIRED_SIGNATURES[doc.kind]) {
    if (side === 'client') {
      const contact = engagement.signatoryContactId
        ? await scope.contacts.find(engagement.signatoryContactId)
        : undefined;
      if (contact)
        signers.push({
          side,
          name: `${contact.firstName} ${contact.lastName}`,
          email: contact.email,
          mobile: contact.phone ? normaliseMobile(contact.phone) : null,
          capacity: contact.capacity,
          contactId: contact.id,
          userId: null,
        });
    } else {
      const associe = documentSignatory(await scope.users.list(), {
        chosenId: doc.firmSignatoryId,
        responsibleUserId: engagement.responsibleUserId,
      });
      if (associe)
        signers.push({
          side,
          name: associe.name,
          email: associe.email,
          mobile: null,
          capacity: signatoryCapacity(associe),
          contactId: null,
          userId: associe.id,
        });
    }
  }
  return signers;
};

/**
 * Sending a document for signature (R-B3): each required signatory with an e-mail address gets a
 * personal link (256 random bits, only its hash kept) by mail, and the document gets its signing
 * deadline. Runs in the sending transaction. A signatory without an address signs on paper.
 */
export const openSigningRequests = async (
  deps: SigningLinkDeps,
  scope: FirmScope,
  input: {
    doc: Document;
    firm: Firm;
    at: Date;
    signerMobile?: string;
    /** Issue 18: the sender's words to the client, quoted in the client's invitation. */
    personal?: { message: string; senderName: string };
  },
): Promise<{ invited: SignatureSide[]; withoutEmail: SignatureSide[] }> => {
  const { doc, firm, at } = input;
  // The mobile given when sending is the client signer's, and wins over the contact's phone.
  const givenMobile = input.signerMobile === undefined ? undefined : normaliseMobile(input.signerMobile);
  if (givenMobile === null) throw new AppError('SIGNING.MOBILE_INVALID', { field: 'signerMobile' });
  const invited: SignatureSide[] = [];
  const withoutEmail: SignatureSide[] = [];
  for (const signer of await requiredSigners(scope, doc)) {
    if (!signer.email || !signsElectronically(signer.email)) {
      withoutEmail.push(signer.side);
      continue;
    }
    const token = deps.secrets.newToken();
    const requestId = deps.ids.uuid();
    await scope.signingRequests.insert({
      id: requestId,
      documentId: doc.id,
      side: signer.side,
      signerName: signer.name,
      signerEmail: signer.email,
      signerMobile: (signer.side === 'client' ? givenMobile : undefined) ?? signer.mobile,
      capacity: signer.capacity,
      contactId: signer.contactId,
      userId: signer.userId,
      tokenHash: deps.secrets.hashToken(token),
      earlierTokenHashes: [],
      createdAt: at,
      viewedAt: null,
      viewedIp: null,
      viewedUserAgent: null,
      codeHash: null,
      codeSentAt: null,
      codeExpiresAt: null,
      codeChannel: null,
      codeAttempts: 0,
      codeVerifiedAt: null,
      lockedAt: null,
      consentAt: null,
      outcome: null,
      completedAt: null,
      completedIp: null,
      completedUserAgent: null,
      typedName: null,
      drawnSignature: null,
      refusalReason: null,
      remindersSent: 0,
      lastRemindedAt: null,
    });
    await queueLinkMail(deps, scope, {
      doc,
      firm,
      signer: { id: requestId, side: signer.side, signerName: signer.name, signerEmail: signer.email },
      token,
      at,
      ...(input.personal && signer.side === 'client' ? { personal: input.personal } : {}),
    });
    invited.push(signer.side);
  }
  return { invited, withoutEmail };
};
