import { signatureReminderMail, signatureRequestMail } from '../../domain/signing/mail-content.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Document, Firm, SigningRequest } from '../records.ts';
import { mailDocument, mailFirm, queueMail } from './queue-mail.ts';
import { recordSigningEvent } from './signing-events.ts';

/** A page of the web app at the address clients open (PUBLIC_URL), whatever its trailing slash. */
export const publicPage = (publicUrl: string, path: string): string =>
  `${publicUrl.replace(/\/+$/, '')}${path}`;

/** The signing page a link opens. */
export const signingLink = (publicUrl: string, token: string): string =>
  publicPage(publicUrl, `/signer/${token}`);

/**
 * A new link for a signer (a reminder, or the firm sending it again): only links' hashes are kept,
 * so a mail needs a fresh token. The earlier links keep working beside it, unless `revokeEarlier`:
 * a link sent to the wrong person must die when the firm sends the right one.
 */
export const rotateLink = async (
  deps: Pick<Deps, 'secrets'>,
  scope: FirmScope,
  request: SigningRequest,
  fields: Partial<SigningRequest> = {},
  options: { revokeEarlier?: boolean } = {},
): Promise<string> => {
  const token = deps.secrets.newToken();
  await scope.signingRequests.update(request.id, {
    ...fields,
    tokenHash: deps.secrets.hashToken(token),
    earlierTokenHashes: options.revokeEarlier ? [] : [...request.earlierTokenHashes, request.tokenHash],
  });
  return token;
};

/** The mail carrying a signer's link: the first request, or reminder number n. */
export const queueLinkMail = async (
  deps: Pick<Deps, 'ids' | 'mailer' | 'settings'>,
  scope: FirmScope,
  input: {
    doc: Document;
    firm: Firm;
    signer: Pick<SigningRequest, 'id' | 'side' | 'signerName' | 'signerEmail'>;
    token: string;
    at: Date;
    reminderNumber?: number;
    /** The firm sent the link again (a mail lost, an address corrected). */
    resent?: boolean;
    /** Issue 18: the sender's personal words, in the first invitation only. */
    personal?: { message: string; senderName: string };
  },
) => {
  const { doc, firm, signer } = input;
  const common = {
    firm: mailFirm(firm),
    document: mailDocument(doc),
    signerName: signer.signerName,
    link: signingLink(deps.settings.publicUrl, input.token),
    deadline: doc.signingDeadline,
  };
  // The invitation, each reminder and each link sent again is a line of the signature trail.
  await recordSigningEvent(scope, {
    documentId: doc.id,
    request: signer,
    type: 'invitation_sent',
    at: input.at,
    data: {
      mail: input.reminderNumber ? 'reminder' : input.resent ? 'resend' : 'request',
      to: signer.signerEmail,
    },
  });
  return queueMail(deps, scope, {
    kind: input.reminderNumber ? 'signature_reminder' : 'signature_request',
    documentId: doc.id,
    to: { name: signer.signerName, address: signer.signerEmail },
    content: input.reminderNumber
      ? signatureReminderMail({ ...common, reminderNumber: input.reminderNumber })
      : signatureRequestMail({
          ...common,
          side: signer.side,
          ...(input.personal
            ? { message: input.personal.message, senderName: input.personal.senderName }
            : {}),
        }),
    at: input.at,
  });
};
