import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import type { MailContent, MailDocument, MailFirm } from '../../domain/signing/mail-content.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Document, Firm, MailKind } from '../records.ts';

/** The firm as its mails present it. */
export const mailFirm = (firm: Firm): MailFirm => ({
  name: firm.name,
  addressLine:
    [firm.addressLine1, firm.addressLine2, [firm.postalCode, firm.city].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ') || null,
  phone: firm.phone,
  email: firm.email,
  accentColor: firm.accentColor,
});

/** A sent document as its mails name it: « lettre de mission LM-2026-0001 ». */
export const mailDocument = (doc: Document): MailDocument => ({
  kindLabel: DOCUMENT_TITLES[doc.kind].toLocaleLowerCase('fr-FR'),
  number: doc.number ?? '',
  // A title that only repeats the kind (« Offre de service ») is not written twice.
  title: doc.title === DOCUMENT_TITLES[doc.kind] ? '' : doc.title,
});

/**
 * Writes a mail into the firm's mail log and queues its delivery, in the caller's transaction: a
 * rolled-back decision sends nothing, a committed one is delivered even after a crash.
 */
export const queueMail = async (
  deps: Pick<Deps, 'ids' | 'mailer'>,
  scope: FirmScope,
  input: {
    kind: MailKind;
    documentId: string | null;
    to: { name: string; address: string };
    content: MailContent;
    attachSealedPdf?: boolean;
    at: Date;
  },
): Promise<string> => {
  const id = deps.ids.uuid();
  await scope.mails.insert({
    id,
    kind: input.kind,
    documentId: input.documentId,
    toName: input.to.name,
    toAddress: input.to.address,
    subject: input.content.subject,
    textBody: input.content.text,
    htmlBody: input.content.html,
    attachSealedPdf: input.attachSealedPdf ?? false,
    status: deps.mailer.mode === 'outbox' ? 'outbox' : 'queued',
    attempts: 0,
    lastError: null,
    messageId: null,
    createdAt: input.at,
    sentAt: null,
  });
  // With no SMTP server the mail is already where it will stay: the firm's outbox.
  if (deps.mailer.mode === 'smtp') {
    await scope.jobs.enqueue({ name: 'mail.deliver', data: { firmId: scope.firmId, mailId: id } });
  }
  return id;
};
