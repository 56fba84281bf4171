import { signsElectronically } from '../../domain/documents/signatures.ts';
import { signatureRequestMail } from '../../domain/signing/mail-content.ts';
import { deadlineOnSending } from '../../domain/signing/signing-rules.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { found } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { requiredSigners } from '../signing/open-signing-requests.ts';
import { mailDocument, mailFirm } from '../signing/queue-mail.ts';
import { signingLink } from '../signing/signing-link-mails.ts';

/** Drawn at sending: the preview says so where the mail will carry them. */
const NUMBER_AT_SENDING = '(numéro attribué à l’envoi)';
const LINK_AT_SENDING = '…';

/**
 * Issue 18: what « Envoyer » will do, shown before the user confirms: who receives an invitation
 * (and who signs on paper), and the client's mail as it will be sent with the sender's message.
 * Writes nothing.
 */
export const previewSending = async (
  deps: Pick<Deps, 'store' | 'clock' | 'settings'>,
  actor: Actor,
  input: { documentId: string; message?: string },
) => {
  // Only someone who may send previews the sending.
  assertCanWrite(actor);
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const firm = await scope.firm.get();
  const deadline = deadlineOnSending(doc, firm, deps.clock.now());
  const signers = await requiredSigners(scope, doc);
  const recipients = signers.map((signer) => ({
    side: signer.side,
    name: signer.name,
    email: signer.email,
    byEmail: signsElectronically(signer.email),
  }));
  const client = signers.find((signer) => signer.side === 'client' && signsElectronically(signer.email));
  const message = input.message?.trim();
  const mail = client
    ? signatureRequestMail({
        firm: mailFirm(firm),
        document: { ...mailDocument(doc), number: doc.number ?? NUMBER_AT_SENDING },
        signerName: client.name,
        link: signingLink(deps.settings.publicUrl, LINK_AT_SENDING),
        deadline,
        side: 'client',
        ...(message ? { message, senderName: actor.name } : {}),
      })
    : null;
  return {
    recipients,
    mail:
      mail && client
        ? { to: `${client.name} <${client.email}>`, subject: mail.subject, text: mail.text }
        : null,
    signingDeadline: deadline.toISOString(),
  };
};
