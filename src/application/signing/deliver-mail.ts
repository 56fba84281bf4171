import type { Deps, FirmScope } from '../ports/index.ts';
import type { MailKind } from '../records.ts';

/** Mails carrying a personal link or a code: once delivered (or given up), their bodies are not kept. */
export const isSecretMail = (kind: MailKind): boolean =>
  kind === 'signature_request' ||
  kind === 'signature_code' ||
  kind === 'signature_reminder' ||
  kind === 'password_reset' ||
  kind === 'invitation';

/** The signed copy attached to a signer's mail, named after the document: « LM-2026-0001-signé.pdf ». */
const sealedCopy = async (scope: FirmScope, documentId: string) => {
  const [file, doc] = await Promise.all([
    scope.documentFiles.find(documentId, 'sealed'),
    scope.documents.find(documentId),
  ]);
  if (!file) throw new Error(`the sealed copy of ${documentId} is missing`);
  return {
    filename: `${doc?.number ?? 'document'}-signé.pdf`,
    contentType: 'application/pdf',
    content: file.bytes,
  };
};

/**
 * The job that delivers one queued mail through SMTP. At least once: a mail already sent is not sent
 * again; a refusal by the server is recorded and thrown, so the queue retries it later.
 */
export const deliverMail = async (
  deps: Deps,
  input: { firmId: string; mailId: string },
  attempt: { final: boolean } = { final: false },
): Promise<void> => {
  const scope = deps.store.read(input.firmId);
  const mail = await scope.mails.find(input.mailId);
  if (mail?.status !== 'queued' || mail.textBody === null || mail.htmlBody === null) return;
  // Queued under SMTP, run after a restart without it: the mail stays, whole, in the outbox.
  if (deps.mailer.mode === 'outbox') return scope.mails.update(mail.id, { status: 'outbox' });
  const attachment =
    mail.attachSealedPdf && mail.documentId ? await sealedCopy(scope, mail.documentId) : undefined;
  try {
    const { messageId } = await deps.mailer.deliver({
      to: { name: mail.toName, address: mail.toAddress },
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      attachments: attachment ? [attachment] : [],
    });
    const secret = isSecretMail(mail.kind);
    await scope.mails.update(mail.id, {
      status: 'sent',
      attempts: mail.attempts + 1,
      messageId,
      sentAt: deps.clock.now(),
      lastError: null,
      ...(secret ? { textBody: null, htmlBody: null } : {}),
    });
  } catch (error) {
    await scope.mails.update(mail.id, {
      status: attempt.final ? 'failed' : 'queued',
      attempts: mail.attempts + 1,
      lastError: `Envoi impossible par le serveur de messagerie : ${(error as Error).message}`.slice(0, 500),
      // Given up: a link or code it carried must not stay readable in the database.
      ...(attempt.final && isSecretMail(mail.kind) ? { textBody: null, htmlBody: null } : {}),
    });
    throw error;
  }
};
