import { missingItems } from '../../domain/documents/completeness.ts';
import { documentContent } from '../../domain/documents/content/document-content.ts';
import type { DocumentFacts } from '../../domain/documents/content/facts.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { AppError, found, notStale } from '../app-error.ts';
import type { Deps, DocumentDeps, FirmScope, PdfAttachment, RenderedPdf } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { gatherDocumentFacts } from './document-facts.ts';

/** The watermark across every page of a draft's preview: it is not the document a client signs. */
export const DRAFT_WATERMARK = 'PROJET';

/** Renders a document's facts with the firm's logo and colour. */
export const renderFacts = async (
  deps: Pick<Deps, 'pdf'>,
  scope: FirmScope,
  facts: DocumentFacts,
  input: { at: Date; watermark: string | null; attachments?: readonly PdfAttachment[] },
): Promise<RenderedPdf> => {
  const firm = await scope.firm.get();
  const logo = await scope.firm.findLogo();
  return deps.pdf.render(documentContent(facts), {
    at: input.at,
    watermark: input.watermark,
    accentColor: firm.accentColor,
    logo: logo?.bytes ?? null,
    attachments: input.attachments,
  });
};

/** DOMAIN.md "What a letter must contain": refuses with every mandatory item the facts lack. */
export const assertComplete = (facts: DocumentFacts): void => {
  const missing = missingItems(facts);
  if (missing.length > 0) throw new AppError('DOCUMENT.INCOMPLETE', { missing });
};

/** The completeness check before sending, so the editor can show what is missing. */
export const checkDocumentCompleteness = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const today = parisDate(deps.clock.now());
  const missing = missingItems(
    await gatherDocumentFacts(scope, doc, { issuedOn: today, number: doc.number }),
  );
  return { complete: missing.length === 0, missing };
};

export type DocumentPdf = RenderedPdf & { fileName: string; isPreview: boolean };

const fileNameOf = (doc: Document): string => `${doc.number ?? `projet-${doc.id.slice(0, 8)}`}.pdf`;

/**
 * A document sent before PDFs existed (the bulk-seeded portfolio) gets its PDF once, rendered from
 * today's data but dated from its sending, and frozen with its hash and facts at that first read.
 */
const freezeLate = async (deps: DocumentDeps, actor: Actor, documentId: string): Promise<RenderedPdf> =>
  deps.store.transaction(actor.firmId, async (scope) => {
    const doc = found(await scope.documents.find(documentId, { forUpdate: true }), 'document');
    const stored = await scope.documentFiles.find(doc.id, 'frozen');
    if (stored) return stored;
    const at = doc.sentAt ?? deps.clock.now();
    const facts = await gatherDocumentFacts(scope, doc, { issuedOn: parisDate(at), number: doc.number });
    const pdf = await renderFacts(deps, scope, facts, { at, watermark: null });
    await scope.documentFiles.insert({
      documentId: doc.id,
      purpose: 'frozen',
      contentType: 'application/pdf',
      ...pdf,
      createdAt: at,
    });
    const frozen = doc.frozen ?? {
      frozenAt: at.toISOString(),
      lines: doc.lines,
      totals: doc.totals,
      termsVersionId: doc.termsVersionId,
    };
    notStale(
      await scope.documents.save(
        { ...doc, frozen: { ...frozen, pdfSha256: pdf.sha256, facts } },
        { expectedVersion: doc.version, at: deps.clock.now() },
      ),
    );
    return pdf;
  });

/**
 * A document never sent (a draft, or a draft since cancelled) is previewed as it stands,
 * watermarked « PROJET », and never stored. A sent document answers the bytes frozen when it was
 * sent (R-B4).
 */
export const getDocumentPdf = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string },
): Promise<DocumentPdf> => {
  const reader = deps.store.read(actor.firmId);
  const doc = found(await reader.documents.find(input.documentId), 'document');
  if (doc.sentAt === null) {
    const facts = await gatherDocumentFacts(reader, doc, {
      issuedOn: parisDate(deps.clock.now()),
      number: null,
    });
    const preview = await renderFacts(deps, reader, facts, {
      at: deps.clock.now(),
      watermark: DRAFT_WATERMARK,
    });
    return { ...preview, fileName: fileNameOf(doc), isPreview: true };
  }
  const pdf = (await reader.documentFiles.find(doc.id, 'frozen')) ?? (await freezeLate(deps, actor, doc.id));
  return { bytes: pdf.bytes, sha256: pdf.sha256, fileName: fileNameOf(doc), isPreview: false };
};
