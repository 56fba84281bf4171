import {
  REQUIRED_SIGNATURES,
  type SignatureSide,
  signsElectronically,
} from '../../domain/documents/signatures.ts';
import { documentSignatory, signatoryCapacity } from '../../domain/firm/signatory.ts';
import { found } from '../app-error.ts';
import type { FirmScope, SigningLinkDeps } from '../ports/index.ts';
import type { Document, Firm } from '../records.ts';
import { queueLinkMail } from './signing-link-mails.ts';

type Signer = {
  side: SignatureSide;
  name: string;
  email: string | null;
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
  input: { doc: Document; firm: Firm; at: Date },
): Promise<{ invited: SignatureSide[]; withoutEmail: SignatureSide[] }> => {
  const { doc, firm, at } = input;
  const invited: SignatureSide[] = [];
  const withoutEmail: SignatureSide[] = [];
  for (const signer of await requiredSigners(scope, doc)) {
    if (!signer.email || !signsElectronically(signer.email)) {
      withoutEmail.push(signer.side);
      continue;
    }
    const token = deps.secrets.newToken();
    await scope.signingRequests.insert({
      id: deps.ids.uuid(),
      documentId: doc.id,
      side: signer.side,
      signerName: signer.name,
      signerEmail: signer.email,
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
      signer: { side: signer.side, signerName: signer.name, signerEmail: signer.email },
      token,
      at,
    });
    invited.push(signer.side);
  }
  return { invited, withoutEmail };
};
