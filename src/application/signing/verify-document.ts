import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import type { Deps } from '../ports/index.ts';

/**
 * The public verification: which document a PDF is (by the SHA-256 of its bytes), whose, signed when
 * and by whom. Only the exact bytes Lettrine produced are known: the copy sent for signature, or the
 * sealed signed copy. Anything else, a single byte changed included, is unknown.
 */
export const verifyDocument = async (deps: Deps, input: { sha256: string }) => {
  const sha256 = input.sha256.toLowerCase();
  const located = await deps.store.findDocumentFileByHash(sha256);
  if (!located) return { known: false as const, sha256 };
  const scope = deps.store.read(located.firmId);
  const [doc, firm, signatures] = await Promise.all([
    scope.documents.find(located.documentId),
    scope.firm.get(),
    scope.signatures.listByDocument(located.documentId),
  ]);
  if (!doc) return { known: false as const, sha256 };
  // The copy sent proves only that it was sent: what became of it since is the firm's to tell.
  const sentCopy = located.purpose === 'frozen';
  return {
    known: true as const,
    sha256,
    copy: located.purpose === 'sealed' ? ('signed' as const) : ('sent' as const),
    firm: { name: firm.name, city: firm.city },
    document: {
      kind: doc.kind,
      kindLabel: DOCUMENT_TITLES[doc.kind],
      number: doc.number ?? '',
      title: doc.title,
      status: sentCopy ? ('sent' as const) : doc.status,
      sentAt: doc.sentAt,
      signedAt: sentCopy ? null : doc.signedAt,
    },
    signatures: (sentCopy ? [] : signatures).map((signature) => ({
      side: signature.side,
      name: signature.signatoryName,
      capacity: signature.capacity,
      method: signature.method,
      signedOn: signature.signedOn,
      signedAt: signature.recordedAt,
    })),
  };
};

export const verifyDocumentBytes = (deps: Deps, input: { bytes: Uint8Array }) =>
  verifyDocument(deps, { sha256: deps.secrets.sha256(input.bytes) });
