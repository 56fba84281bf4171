import type { IsoDate } from '../../domain/shared/dates.ts';
import type { Document, DocumentFile, DocumentLine, DocumentListItem, Page, Signature } from '../records.ts';
import type { SortDirection } from './shared.ts';

export type DocumentFilter = {
  engagementId?: string;
  kind?: Document['kind'];
  status?: Document['status'];
  search?: string;
  /** The letters a renewal campaign generated. */
  campaignId?: string;
  /**
   * Sent documents of these kinds still waiting for the firm's signature; with a user, those this
   * associé signs (their signing link's, else the one chosen on the document, else the engagement's
   * responsible).
   */
  awaitingFirmSignature?: { userId?: string; kinds: readonly Document['kind'][] };
  /** Only those numbered after this one: a cursor through a list sorted by number, ascending. */
  afterNumber?: string;
  sort: 'updatedAt' | 'createdAt' | 'number' | 'sentAt';
  direction: SortDirection;
  page: number;
  pageSize: number;
};

/** A document to insert: its times come from the use case's clock, never from the database's. */
export type NewDocument = Omit<Document, 'version' | 'updatedAt' | 'lines'> & {
  lines: DocumentLine[];
};

export type DocumentRepository = {
  /**
   * forUpdate locks the document until commit, and its engagement before it: every transaction
   * takes the engagement first, then its documents, then their signing requests.
   */
  find(id: string, options?: { forUpdate?: boolean }): Promise<Document | undefined>;
  list(filter: DocumentFilter): Promise<Page<DocumentListItem>>;
  listByEngagement(engagementId: string): Promise<Document[]>;
  findLetterFromProposal(proposalId: string): Promise<Document | undefined>;
  /**
   * Sent documents due to expire: a proposal whose validity date is before the given day, or any
   * document whose signing deadline has passed.
   */
  listOverdueIds(input: { today: IsoDate; now: Date }): Promise<string[]>;
  insert(document: NewDocument): Promise<void>;
  /** Many drafts at once (a campaign's letters), in a few statements. */
  insertMany(documents: NewDocument[]): Promise<void>;
  /**
   * Writes the document's fields (and its lines with rewriteLines) when its stored version is still
   * expectedVersion; undefined when stale.
   */
  save(
    document: Document,
    input: { expectedVersion: number; at: Date; rewriteLines?: boolean },
  ): Promise<Document | undefined>;
};

/** The PDF frozen when a document is sent (R-B4): the exact bytes, with their SHA-256. */
export type DocumentFileRepository = {
  find(documentId: string, purpose: DocumentFile['purpose']): Promise<DocumentFile | undefined>;
  insert(file: DocumentFile): Promise<void>;
};

export type SignatureRepository = {
  listByDocument(documentId: string): Promise<Signature[]>;
  findScan(
    documentId: string,
    signatureId: string,
  ): Promise<{ fileName: string; contentType: string; base64: string } | undefined>;
  /** False when that side has already signed (a unique key decides, whatever the concurrency). */
  insert(
    signature: Omit<Signature, 'hasScan'> & { scanBase64: string | null; scanContentType: string | null },
  ): Promise<boolean>;
};

export type CounterRepository = {
  /** The next value of a gapless series; rolled back with the transaction that drew it. */
  next(series: string): Promise<number>;
  /** The value next() would give now, drawing nothing (a preview of the number, not a promise). */
  peek(series: string): Promise<number>;
  /**
   * Takes a once-only series (value 1) unless it is already taken: true for the transaction that
   * took it (rolled back with it); writes nothing when it was taken before.
   */
  claim(series: string): Promise<boolean>;
};
