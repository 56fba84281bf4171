import { isReminderDue, remindersDueBy } from '../../domain/signing/signing-rules.ts';
import { expireOverdueDocuments } from '../documents/expire-documents.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import { queueLinkMail, rotateLink } from './signing-link-mails.ts';

/**
 * Reminds each pending signer on the firm's schedule (for example 3 and 7 days after sending). A
 * reminder carries a fresh link (only links' hashes are kept); the earlier ones keep working. Each
 * request is reminded in its own transaction under its row lock: a repeated or concurrent sweep
 * sends nothing twice, and a signature, refusal or cancellation meanwhile stops it.
 */
export const sendDueReminders = async (deps: Deps, input: { firmId: string }): Promise<number> => {
  const now = deps.clock.now();
  const scope = deps.store.read(input.firmId);
  const firm = await scope.firm.get();
  const due = (await scope.signingRequests.listPending()).filter((request) =>
    isReminderDue({ ...request, reminderDays: firm.signatureReminderDays, now }),
  );
  let sent = 0;
  for (const pending of due) {
    await deps.store.transaction(input.firmId, async (tx) => {
      const doc = await tx.documents.find(pending.documentId, { forUpdate: true });
      const request = await tx.signingRequests.find(pending.id, { forUpdate: true });
      if (doc?.status !== 'sent' || !doc.sentAt || !request || request.outcome || request.lockedAt) return;
      if (!isReminderDue({ ...request, sentAt: doc.sentAt, reminderDays: firm.signatureReminderDays, now }))
        return;
      const reminderNumber = remindersDueBy({
        sentAt: doc.sentAt,
        reminderDays: firm.signatureReminderDays,
        now,
      });
      const token = await rotateLink(deps, tx, request, {
        remindersSent: reminderNumber,
        lastRemindedAt: now,
      });
      await queueLinkMail(deps, tx, { doc, firm, signer: request, token, at: now, reminderNumber });
      await recordEvent(tx, {
        type: 'document.signing_reminder_sent',
        actor: null,
        at: now,
        engagementId: doc.engagementId,
        documentId: doc.id,
        data: { side: request.side, signerName: request.signerName, reminderNumber },
      });
      sent += 1;
    });
  }
  return sent;
};

/**
 * The recurring follow-up of every firm: expiry first (an expired document is not reminded). A firm
 * whose follow-up fails is reported and the others still get theirs.
 */
export const runSigningFollowUp = async (
  deps: Deps,
  options: { onFirmError?: (firmId: string, error: unknown) => void } = {},
): Promise<{ expired: number; reminded: number; failedFirms: number }> => {
  let expired = 0;
  let reminded = 0;
  let failedFirms = 0;
  for (const firm of await deps.store.listFirms()) {
    try {
      expired += (await expireOverdueDocuments(deps, { firmId: firm.id })).length;
      reminded += await sendDueReminders(deps, { firmId: firm.id });
    } catch (error) {
      failedFirms += 1;
      options.onFirmError?.(firm.id, error);
    }
  }
  return { expired, reminded, failedFirms };
};
