import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import {
  describePdfChange,
  type SignatureOutcome,
  verificationVerdict,
} from '../../domain/signing/verification.ts';
import type { Deps, PdfChangeReport, PdfSignatureCheck } from '../ports/index.ts';

type VerifyDeps = Pick<Deps, 'store' | 'secrets' | 'pdfVerifier' | 'settings'>;
type Located = NonNullable<Awaited<ReturnType<Deps['store']['findDocumentFileByHash']>>> & { end: number };

/** Enough for a sealed copy and its updates; a file of a thousand revisions is not hashed a thousand times. */
const MAX_PREFIXES = 12;
const NO_CHANGES: PdfChangeReport = { changes: [], validationDataAdded: false, documentTimestampsAdded: 0 };

/**
 * The copy Lettrine stored that the file is, or starts with: an incremental update leaves the
 * bytes before it as they were, so the longest stored prefix (the whole file, a signed revision,
 * any revision's end) is the copy the updates were appended to.
 */
const locate = async (deps: VerifyDeps, bytes: Uint8Array, ends: number[]): Promise<Located | undefined> => {
  const candidates = [...new Set([bytes.length, ...ends])]
    .filter((end) => end > 0 && end <= bytes.length)
    .sort((a, b) => b - a)
    .slice(0, MAX_PREFIXES);
  for (const end of candidates) {
    const located = await deps.store.findDocumentFileByHash(deps.secrets.sha256(bytes.subarray(0, end)));
    if (located) return { ...located, end };
  }
  return undefined;
};

/**
 * The Lettrine seal among the file's signatures: the install's certificate, or a firm's (the
 * document's firm when it is known). A copy Lettrine stored is sealed by Lettrine even when the
 * firm has changed its certificate since: its last signature is then the seal.
 */
const findSeal = async (deps: VerifyDeps, signatures: PdfSignatureCheck[], located: Located | undefined) => {
  const install =
    deps.settings.sealIdentity && deps.secrets.sha256(deps.settings.sealIdentity.certificateDer);
  for (const signature of [...signatures].reverse()) {
    const fingerprint = signature.certificate?.sha256Fingerprint;
    if (!fingerprint) continue;
    if (fingerprint === install) return { seal: signature, firmId: located?.firmId, isFirmSeal: true };
    const owner = await deps.store.findFirmBySealFingerprint(fingerprint);
    if (owner && (!located || owner.firmId === located.firmId))
      return { seal: signature, firmId: owner.firmId, isFirmSeal: true };
  }
  const stored =
    located?.purpose === 'sealed' ? signatures.filter((s) => s.revisionEnd <= located.end).at(-1) : undefined;
  return { seal: stored, firmId: located?.firmId, isFirmSeal: false };
};

const DAMAGE: Record<Exclude<SignatureOutcome, 'valid'>, 'content_changed' | 'signature_invalid'> = {
  digest_mismatch: 'content_changed',
  bad_signature: 'signature_invalid',
  malformed: 'signature_invalid',
};

/** What Lettrine recorded of the document: its firm, its number, its signers (none for the sent copy). */
const recordedFacts = async (deps: VerifyDeps, firmId: string | undefined, located: Located | undefined) => {
  if (!firmId) return { firm: null, document: null, signatures: [] };
  const scope = deps.store.read(firmId);
  const firm = await scope.firm.get();
  const doc = located && (await scope.documents.find(located.documentId));
  if (!located || !doc) return { firm: { name: firm.name, city: firm.city }, document: null, signatures: [] };
  // The copy sent proves only that it was sent: what became of it since is the firm's to tell.
  const sentCopy = located.purpose === 'frozen';
  const signatures = sentCopy ? [] : await scope.signatures.listByDocument(located.documentId);
  return {
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
    signatures: signatures.map((signature) => ({
      side: signature.side,
      name: signature.signatoryName,
      capacity: signature.capacity,
      method: signature.method,
      signedOn: signature.signedOn,
      signedAt: signature.recordedAt,
    })),
  };
};

/**
 * The public verification (issue 15, item 6): the file's signatures checked over the bytes they
 * cover, the file found by the bytes Lettrine stored, and what was appended since, in one verdict:
 * intact, changed afterwards (and what), damaged, or unknown.
 */
export const verifyDocumentBytes = async (deps: VerifyDeps, input: { bytes: Uint8Array }) => {
  const { bytes } = input;
  const inspection = await deps.pdfVerifier.inspect(bytes);
  const signatures = inspection.signatures.filter((s) => s.kind === 'signature');
  const located = await locate(deps, bytes, [
    ...signatures.map((s) => s.revisionEnd),
    ...inspection.revisionEnds,
  ]);
  const { seal, firmId, isFirmSeal } = await findSeal(deps, signatures, located);
  const base = seal ? seal.revisionEnd : located?.purpose === 'frozen' ? located.end : undefined;
  const readChanges = base !== undefined && base < bytes.length && (!seal || seal.outcome === 'valid');
  const report = readChanges ? await deps.pdfVerifier.changesSince(bytes, base) : NO_CHANGES;
  const knownCopy = located && (located.purpose === 'sealed' ? ('sealed' as const) : ('frozen' as const));
  const verdict = verificationVerdict({ seal, knownCopy, changes: report.changes });
  const recorded = await recordedFacts(deps, firmId, located);
  return {
    verdict,
    sha256: deps.secrets.sha256(bytes),
    known: recorded.document !== null,
    copy: knownCopy === 'sealed' ? ('signed' as const) : knownCopy === 'frozen' ? ('sent' as const) : null,
    ...recorded,
    seal: seal
      ? {
          ...(seal.certificate ?? {
            subject: '',
            commonName: null,
            organization: null,
            sha256Fingerprint: '',
          }),
          isFirmSeal,
          signedAt: seal.signedAt,
          // A timestamp that does not verify proves no time: it is not shown.
          timestamp: seal.timestamp?.valid
            ? { at: seal.timestamp.at, authority: seal.timestamp.authority }
            : null,
          validationData: report.validationDataAdded,
        }
      : null,
    damage: seal && seal.outcome !== 'valid' ? DAMAGE[seal.outcome] : null,
    changes: report.changes.map((change) => ({ ...change, description: describePdfChange(change) })),
  };
};

export type VerificationResult = Awaited<ReturnType<typeof verifyDocumentBytes>>;

/** By SHA-256 alone: the copy Lettrine stored under that hash, verified as if it had been sent. */
export const verifyDocument = async (deps: VerifyDeps, input: { sha256: string }) => {
  const sha256 = input.sha256.toLowerCase();
  const located = await deps.store.findDocumentFileByHash(sha256);
  const file =
    located &&
    (await deps.store.read(located.firmId).documentFiles.find(located.documentId, located.purpose));
  if (file) return verifyDocumentBytes(deps, { bytes: file.bytes });
  return {
    verdict: 'unknown' as const,
    sha256,
    known: false,
    copy: null,
    firm: null,
    document: null,
    signatures: [],
    seal: null,
    damage: null,
    changes: [],
  } satisfies VerificationResult;
};
