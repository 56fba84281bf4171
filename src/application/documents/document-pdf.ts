import { missingItems } from '../../domain/documents/completeness.ts';
import { documentContent } from '../../domain/documents/content/document-content.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps, FirmScope, RenderedPdf } from '../ports.ts';
import type { Document } from '../records.ts';
import { gatherDocumentFacts } from './document-facts.ts';

/** The watermark across every page of a draft's preview: it is not the document a client signs. */
export const DRAFT_WATERMARK = 'PROJET';

/** Renders a document as it stands, with the firm's logo and colour. */
export const renderDocument = async (
  deps: Pick<Deps, 'pdf'>,
  scope: FirmScope,
  doc: Document,
  input: { at: Date; number: string | null; watermark: string | null },
): Promise<RenderedPdf> => {
  const [facts, firm, logo] = await Promise.all([
    gatherDocumentFacts(scope, doc, { issuedOn: parisDate(input.at), number: input.number }),
    scope.firm.get(),
    scope.firm.findLogo(),
  ]);
  return deps.pdf.render(documentContent(facts), {
    at: input.at,
    watermark: input.watermark,
    accentColor: firm.accentColor,
    logo: logo?.bytes ?? null,
  });
};

/** DOMAIN.md "What a letter must contain": every mandatory item the document still lacks. */
export const assertComplete = async (scope: FirmScope, doc: Document, issuedOn: string): Promise<void> => {
  const missing = missingItems(await gatherDocumentFacts(scope, doc, { issuedOn, number: null }));
  if (missing.length > 0) throw new AppError('DOCUMENT.INCOMPLETE', { missing });
};

/** The completeness check before sending, so the editor can show what is missing. */
export const checkDocumentCompleteness = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
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
 * A document never sent (a draft, or a draft since cancelled) is previewed as it stands,
 * watermarked « PROJET », and never stored. A sent document answers the bytes frozen when it was
 * sent (R-B4). One sent before PDFs existed (bulk-seeded portfolios) gets its PDF rendered once,
 * dated from its sending, and frozen at that first read.
 */
export const getDocumentPdf = async (
  deps: Deps,
  actor: Actor,
  input: { documentId: string },
): Promise<DocumentPdf> => {
  const reader = deps.store.read(actor.firmId);
  const doc = found(await reader.documents.find(input.documentId), 'document');
  const sentAt = doc.sentAt;
  if (sentAt === null) {
    const preview = await renderDocument(deps, reader, doc, {
      at: deps.clock.now(),
      number: null,
      watermark: DRAFT_WATERMARK,
    });
    return { ...preview, fileName: fileNameOf(doc), isPreview: true };
  }
  const stored = await reader.documentFiles.find(doc.id, 'frozen');
  if (stored)
    return { bytes: stored.bytes, sha256: stored.sha256, fileName: fileNameOf(doc), isPreview: false };
  return deps.store.transaction(actor.firmId, async (scope) => {
    const locked = found(await scope.documents.find(doc.id, { forUpdate: true }), 'document');
    const again = await scope.documentFiles.find(doc.id, 'frozen');
    if (again)
      return { bytes: again.bytes, sha256: again.sha256, fileName: fileNameOf(doc), isPreview: false };
    const at = locked.sentAt ?? sentAt;
    const pdf = await renderDocument(deps, scope, locked, { at, number: locked.number, watermark: null });
    await scope.documentFiles.insert({
      documentId: doc.id,
      purpose: 'frozen',
      contentType: 'application/pdf',
      ...pdf,
      createdAt: at,
    });
    return { ...pdf, fileName: fileNameOf(doc), isPreview: false };
  });
};
