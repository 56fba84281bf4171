import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { signedCopyAccessUntil } from '../../domain/signing/signing-trail.ts';
import { AppError } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Document, Firm, SigningRequest } from '../records.ts';
import { recordSigningEvent } from './signing-events.ts';
import { type LinkInput, viewSigningLink, withOpenLink } from './signing-link-access.ts';

type SignedLink = {
  scope: FirmScope;
  request: SigningRequest;
  doc: Document;
  firm: Firm;
  /** When this signer signed, and the last day the link gives the sealed copy. */
  signedAt: Date;
  accessUntil: Date;
};

const invalid = () => new AppError('SIGNING.LINK_INVALID');

/**
 * A link whose signer has signed (issue 15, item 7): it keeps showing the document signed and gives
 * the sealed copy until the firm's number of days after the signature; after that, a refusal that
 * says whom to ask. A document that will never be signed (cancelled, expired after this signature)
 * is a dead link like any other. The token is looked up by its hash, as for an open link.
 */
const withSignedLink = async <T>(
  deps: Deps,
  token: string,
  fn: (link: SignedLink) => Promise<T>,
): Promise<T | undefined> => {
  if (token.length < 20 || token.length > 200) throw invalid();
  const located = await deps.store.signing.findByTokenHash(deps.secrets.hashToken(token));
  if (!located) throw invalid();
  const request = await deps.store.read(located.firmId).signingRequests.find(located.requestId);
  const completedAt = request?.outcome === 'signed' ? request.completedAt : null;
  if (!request || !completedAt) return undefined;
  return deps.store.transaction(located.firmId, async (scope) => {
    const doc = await scope.documents.find(request.documentId);
    if (!doc || (doc.signedAt === null && doc.status !== 'sent')) throw invalid();
    const firm = await scope.firm.get();
    const accessUntil = signedCopyAccessUntil(doc.signedAt ?? completedAt, firm.signedCopyAccessDays);
    if (deps.clock.now() > accessUntil)
      throw new AppError('SIGNING.ACCESS_ENDED', {
        endedAt: accessUntil.toISOString(),
        firm: { name: firm.name, email: firm.email, phone: firm.phone },
      });
    return fn({ scope, request, doc, firm, signedAt: completedAt, accessUntil });
  });
};

/** What the link shows once its signer has signed: the date, and whether the sealed copy is ready. */
const signedView = async ({ scope, request, doc, firm, signedAt, accessUntil }: SignedLink) => {
  const sealed = doc.signedAt ? await scope.documentFiles.find(doc.id, 'sealed') : undefined;
  return {
    state: 'signed' as const,
    firm: { name: firm.name, city: firm.city, accentColor: firm.accentColor, hasLogo: firm.hasLogo },
    document: {
      kind: doc.kind,
      kindLabel: DOCUMENT_TITLES[doc.kind],
      number: doc.number ?? '',
      title: doc.title,
    },
    signer: { name: request.signerName, side: request.side },
    signedAt,
    documentSignedAt: doc.signedAt,
    /** Ready to download; being sealed; or the other signatures still awaited. */
    sealedCopy: sealed
      ? ('ready' as const)
      : doc.signedAt
        ? ('preparing' as const)
        : ('awaiting_signatures' as const),
    accessUntil,
  };
};

/**
 * GET of a link: the signed view when its signer has signed, else the signing page's (which refuses
 * a dead link). Every opening is a line of the trail.
 */
export const viewLink = async (deps: Deps, input: LinkInput) => {
  const signed = await withSignedLink(deps, input.token, async (link) => {
    await recordSigningEvent(link.scope, {
      documentId: link.doc.id,
      request: link.request,
      type: 'link_opened',
      at: deps.clock.now(),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return signedView(link);
  });
  return signed ?? viewSigningLink(deps, input);
};

/** The sealed copy through the signer's link, each download recorded in the trail. */
export const downloadSignedCopy = async (deps: Deps, input: LinkInput) => {
  const copy = await withSignedLink(deps, input.token, async ({ scope, request, doc }) => {
    const sealed = await scope.documentFiles.find(doc.id, 'sealed');
    if (!sealed) throw new AppError('SIGNING.COPY_NOT_READY');
    await recordSigningEvent(scope, {
      documentId: doc.id,
      request,
      type: 'signed_copy_downloaded',
      at: deps.clock.now(),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { bytes: sealed.bytes, sha256: sealed.sha256, fileName: `${doc.number ?? 'document'}-signe.pdf` };
  });
  if (copy) return copy;
  // Not signed through this link yet: a live link hears that the copy is not there; a dead one, the
  // same neutral refusal as everywhere.
  await withOpenLink(deps, input.token, async () => undefined);
  throw new AppError('SIGNING.COPY_NOT_READY');
};
