import { SIGNING_CODE } from '../../domain/signing/signing-rules.ts';
import type { Deps } from '../ports/index.ts';
import { MAIL_KINDS, type MailKind } from '../records.ts';
import { isSecretMail } from './deliver-mail.ts';

/** What replaces a link's token or a code in a mail kept in the outbox once it can serve no more. */
export const SCRUBBED = '[retiré]';

/** After this, the outbox keeps no usable link even when the request is still open. */
export const SECRET_MAILS_KEPT_DAYS = 7;

const DAY_MS = 86_400_000;
/** The kinds isSecretMail names (deliver-mail.ts): those a delivery by SMTP empties. */
const SECRET_KINDS: readonly MailKind[] = MAIL_KINDS.filter(isSecretMail);

// The shapes the mails write (src/domain/signing/mail-content.ts): a link's path in both bodies; the
// code alone on its line in the text, alone in its paragraph in the HTML.
const LINK_TOKEN = /(\/signer\/)[A-Za-z0-9_-]{20,}/g;
const CODE_IN_TEXT = new RegExp(`^( {4})\\d{${SIGNING_CODE.digits}}$`, 'gm');
const CODE_IN_HTML = new RegExp(
  `(<p style="[^"]*letter-spacing[^"]*">)\\d{${SIGNING_CODE.digits}}(</p>)`,
  'g',
);

/** A mail's body with its link tokens and its code replaced by SCRUBBED: the rest stays readable. */
export const scrubSecrets = (body: string): string =>
  body
    .replace(LINK_TOKEN, `$1${SCRUBBED}`)
    .replace(CODE_IN_TEXT, `$1${SCRUBBED}`)
    .replace(CODE_IN_HTML, `$1${SCRUBBED}$2`);

/**
 * Without an SMTP server the mails stay whole in the firm's outbox, and a link or a code in them is
 * a key to a document. Once it can serve no more, it is scrubbed: a code after its validity, a link
 * once its recipient's request is decided, locked or its document no longer awaiting signature,
 * and any of them after SECRET_MAILS_KEPT_DAYS (a signer needing the link later gets a new one,
 * sent again by the firm). Run hourly with the purge; running it twice does nothing more.
 */
export const scrubDeadSecretMails = async (deps: Pick<Deps, 'store' | 'clock'>): Promise<number> => {
  const now = deps.clock.now().getTime();
  const codeDeadBefore = now - SIGNING_CODE.validMinutes * 60_000;
  const keptUntil = now - SECRET_MAILS_KEPT_DAYS * DAY_MS;
  let scrubbed = 0;
  for (const firm of await deps.store.listFirms()) {
    const scope = deps.store.read(firm.id);
    const mails = await scope.mails.listUnscrubbed({ kinds: SECRET_KINDS, scrubbedMark: SCRUBBED });
    for (const mail of mails) {
      const created = mail.createdAt.getTime();
      const dead =
        created < keptUntil || !mail.linkOpen || (mail.kind === 'signature_code' && created < codeDeadBefore);
      if (!dead) continue;
      const textBody = mail.textBody === null ? null : scrubSecrets(mail.textBody);
      const htmlBody = mail.htmlBody === null ? null : scrubSecrets(mail.htmlBody);
      if (textBody === mail.textBody && htmlBody === mail.htmlBody) continue;
      await scope.mails.update(mail.id, { textBody, htmlBody });
      scrubbed += 1;
    }
  }
  return scrubbed;
};
