import type { Mail, MailStatus, Page, SigningRequest } from '../records.ts';

/** One personal link per required signatory of a sent document (R-B3). */
export type SigningRequestRepository = {
  find(id: string, options?: { forUpdate?: boolean }): Promise<SigningRequest | undefined>;
  listByDocument(documentId: string): Promise<SigningRequest[]>;
  /** The requests still awaiting their signer on sent documents, with the document's sending time. */
  listPending(): Promise<(SigningRequest & { sentAt: Date })[]>;
  insert(request: SigningRequest): Promise<void>;
  update(id: string, fields: Partial<Omit<SigningRequest, 'id' | 'documentId' | 'side'>>): Promise<void>;
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
};
