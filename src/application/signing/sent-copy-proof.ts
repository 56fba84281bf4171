import type { SentCopyFacts, TimestampFacts } from '../../domain/documents/content/facts.ts';
import { found } from '../app-error.ts';
import type { Deps, FirmScope, PdfAttachment } from '../ports/index.ts';
import type { Document } from '../records.ts';

/**
 * What the sealed copy carries to prove the exact bytes the client read (issue 15, item 2): the
 * frozen sent PDF itself, embedded as a PDF/A-3 associated file, and, with a timestamping authority,
 * that authority's RFC 3161 token over those bytes, whose time and name the evidence page prints
 * (the seal's own timestamp comes after the page is drawn, so it cannot be printed on it).
 */
export type SentCopyProof = {
  sentCopy: SentCopyFacts;
  timestamp: TimestampFacts | null;
  attachments: PdfAttachment[];
};

export const sentCopyProof = async (
  deps: Pick<Deps, 'timestamps' | 'secrets'>,
  reader: FirmScope,
  doc: Document,
): Promise<SentCopyProof> => {
  const frozen = found(await reader.documentFiles.find(doc.id, 'frozen'), 'document');
  // The stored copy must be the one whose SHA-256 was frozen at sending, or the page would vouch for other bytes.
  if (deps.secrets.sha256(frozen.bytes) !== doc.frozen?.pdfSha256)
    throw new Error(`exemplaire envoyé altéré : son SHA-256 n’est plus celui du gel (${doc.id})`);
  const base = (doc.number ?? doc.id).replace(/[^A-Za-z0-9-]/g, '_');
  const sentCopy = { fileName: `${base}-envoye.pdf`, byteSize: frozen.bytes.byteLength };
  const attachments: PdfAttachment[] = [
    {
      name: sentCopy.fileName,
      bytes: frozen.bytes,
      mimeType: 'application/pdf',
      description: 'Exemplaire envoyé au client, tel qu’il l’a lu et signé',
      relationship: 'Source',
      createdAt: frozen.createdAt,
    },
  ];
  if (!deps.timestamps) return { sentCopy, timestamp: null, attachments };
  const token = await deps.timestamps.stamp(frozen.bytes);
  const timestamp = {
    authority: token.authority,
    at: token.time.toISOString(),
    fileName: `${base}-envoye.tst`,
  };
  attachments.push({
    name: timestamp.fileName,
    bytes: token.token,
    // A TimeStampToken is a CMS SignedData: `openssl ts -verify -token_in -in … -data …` checks it.
    mimeType: 'application/pkcs7-mime',
    description: 'Jeton d’horodatage RFC 3161 de l’exemplaire envoyé',
    relationship: 'Supplement',
    createdAt: token.time,
  });
  return { sentCopy, timestamp, attachments };
};
