import type { SigningEventType, TrailData } from '../../domain/signing/signing-trail.ts';
import type { Mail, MailKind, MailStatus, Page, SigningRequest } from '../records.ts';

/** One personal link per required signatory of a sent document (R-B3). */
export type SigningRequestRepository = {
  find(id: string, options?: { forUpdate?: boolean }): Promise<SigningRequest | undefined>;
  listByDocument(documentId: string): Promise<SigningRequest[]>;
  /** The requests still awaiting their signer on sent documents, with the document's sending time. */
  listPending(): Promise<(SigningRequest & { sentAt: Date })[]>;
  insert(request: SigningRequest): Promise<void>;
  update(id: string, fields: Partial<Omit<SigningRequest, 'id' | 'documentId' | 'side'>>): Promise<void>;
};

/** One recorded step of a signing transaction (issue 15, item 4); `requestId` null for the seal. */
export type SigningEventRecord = {
  documentId: string;
  requestId: string | null;
  type: SigningEventType;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  data: TrailData;
};

/** The signature trail: appended in the transaction of each step, read in the order written. */
export type SigningEventRepository = {
  /** The steps given, in their order (one statement for several steps of one request). */
  append(...events: SigningEventRecord[]): Promise<void>;
  listByDocument(documentId: string): Promise<SigningEventRecord[]>;
};

export type MailRepository = {
  find(id: string): Promise<Mail | undefined>;
  list(filter: { documentId?: string; page: number; pageSize: number }): Promise<Page<Mail>>;
  insert(mail: Mail): Promise<void>;
  update(
    id: string,
    fields: Partial<
      Pick<Mail, 'status' | 'attempts' | 'lastError' | 'messageId' | 'sentAt' | 'textBody' | 'htmlBody'>
    > & {
      status?: MailStatus;
    },
  ): Promise<void>;
  /**
   * The outbox's mails of these kinds whose bodies are kept and do not hold `scrubbedMark` yet, each
   * with whether its recipient still has an open link to its document (a request neither decided
   * nor locked, on a document still awaiting signature).
   */
  listUnscrubbed(input: {
    kinds: readonly MailKind[];
    scrubbedMark: string;
  }): Promise<(Pick<Mail, 'id' | 'kind' | 'createdAt' | 'textBody' | 'htmlBody'> & { linkOpen: boolean })[]>;
};
