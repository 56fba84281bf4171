import type { DocumentContent } from '../domain/documents/content/blocks.ts';
import type { CampaignLetterGroup } from '../domain/renewal/campaign-follow-up.ts';
import type { IsoDate } from '../domain/shared/dates.ts';
import type {
  Campaign,
  CampaignFollowUp,
  CampaignItem,
  CampaignItemStatus,
  CampaignItemView,
  CampaignProgress,
  Company,
  CompanyFields,
  Contact,
  ContactFields,
  Document,
  DocumentFile,
  DocumentLine,
  DocumentListItem,
  Engagement,
  EngagementListItem,
  Firm,
  FirmIdentity,
  FirmLogo,
  HistoryEvent,
  Mail,
  MailStatus,
  NewEvent,
  Page,
  PortfolioRecord,
  Role,
  SealIdentity,
  Service,
  ServiceFields,
  ServicePrice,
  Signature,
  SigningRequest,
  TermsVersion,
  User,
  WebhookDelivery,
  WebhookEndpoint,
} from './records.ts';

/** Types only: what the use cases need from the outside world. The adapters implement them. */

export type Clock = { now(): Date };
export type IdGenerator = { uuid(): string };

export type SortDirection = 'asc' | 'desc';

export type EngagementFilter = {
  state?: 'prospect' | 'client';
  responsibleUserId?: string;
  search?: string;
  /** R-D6: only the engagements whose letter in force carries terms older than this version. */
  termsVersionBelow?: number;
  sort: 'updatedAt' | 'createdAt' | 'companyName' | 'clientCode';
  direction: SortDirection;
  page: number;
  pageSize: number;
};

export type DocumentFilter = {
  engagementId?: string;
  kind?: Document['kind'];
  status?: Document['status'];
  search?: string;
  sort: 'updatedAt' | 'createdAt' | 'number' | 'sentAt';
  direction: SortDirection;
  page: number;
  pageSize: number;
};

export type CompanyFilter = { search?: string; page: number; pageSize: number };

/** Writes carry the version they were based on; a stale one updates nothing and returns undefined. */
export type Versioned<T> = { id: string; expectedVersion: number; fields: Partial<T>; at: Date };

/** A document to insert: its times come from the use case's clock, never from the database's. */
export type NewDocument = Omit<Document, 'version' | 'updatedAt' | 'lines'> & {
  lines: DocumentLine[];
};

/** Every method runs inside one firm: the firm id is bound when the scope is opened. */
export type FirmScope = {
  readonly firmId: string;
  firm: {
    get(): Promise<Firm>;
    update(
      input: Versioned<
        FirmIdentity & {
          clientCodePrefix: string;
          accentColor: string | null;
          signatureReminderDays: number[];
          signingPeriodDays: number;
        }
      >,
    ): Promise<Firm | undefined>;
    findLogo(): Promise<FirmLogo | undefined>;
    /** Gives the firm this logo, replacing the one it had. */
    setLogo(logo: FirmLogo): Promise<void>;
    /** False when the firm had no logo. */
    deleteLogo(): Promise<boolean>;
  };
  users: {
    find(id: string): Promise<User | undefined>;
    findByEmail(email: string): Promise<User | undefined>;
    /** forUpdate locks the firm's users until commit: role changes of one firm queue up. */
    list(options?: { forUpdate?: boolean }): Promise<User[]>;
    /** Throws USER.EMAIL_TAKEN when the e-mail is already used in the firm (unique key). */
    insert(user: User & { passwordHash: string }): Promise<void>;
    update(input: Versioned<{ name: string; role: Role; isActive: boolean }>): Promise<User | undefined>;
    setPassword(id: string, passwordHash: string): Promise<void>;
    /** The stored hash, to check a password against; forUpdate locks the user until commit. */
    findPasswordHash(id: string, options?: { forUpdate?: boolean }): Promise<string | undefined>;
  };
  apiTokens: {
    insert(token: {
      id: string;
      userId: string;
      name: string;
      tokenHash: string;
      createdAt: Date;
    }): Promise<void>;
    list(): Promise<{ id: string; userId: string; name: string; createdAt: Date; lastUsedAt: Date | null }[]>;
    revoke(id: string, at: Date): Promise<boolean>;
  };
  sessions: {
    insert(session: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void>;
    deleteByTokenHash(tokenHash: string): Promise<void>;
    /** Ends every session of a user but the one kept (the one changing its password). */
    deleteByUser(userId: string, options?: { exceptTokenHash?: string }): Promise<void>;
  };
  companies: {
    find(id: string): Promise<Company | undefined>;
    findBySiren(siren: string): Promise<Company | undefined>;
    list(filter: CompanyFilter): Promise<Page<Company>>;
    insert(company: Company): Promise<void>;
    update(input: Versioned<CompanyFields>): Promise<Company | undefined>;
  };
  contacts: {
    find(id: string): Promise<Contact | undefined>;
    listByCompany(companyId: string): Promise<Contact[]>;
    insert(contact: Contact): Promise<void>;
    update(input: Versioned<ContactFields>): Promise<Contact | undefined>;
  };
  engagements: {
    find(id: string, options?: { forUpdate?: boolean }): Promise<Engagement | undefined>;
    list(filter: EngagementFilter): Promise<Page<EngagementListItem>>;
    insert(engagement: Engagement): Promise<void>;
    update(
      input: Versioned<Pick<Engagement, 'title' | 'responsibleUserId' | 'signatoryContactId'>>,
    ): Promise<Engagement | undefined>;
    /** Conversion is not an edit: it needs no version, the caller holds the row lock. */
    convert(id: string, input: { clientCode: string; convertedAt: Date }): Promise<Engagement>;
  };
  services: {
    find(id: string): Promise<Service | undefined>;
    /** forUpdate locks the listed services until commit (a catalogue revaluation). */
    list(options: { includeArchived: boolean; forUpdate?: boolean }): Promise<Service[]>;
    /** insert and update throw SERVICE.CODE_TAKEN when the code is already used (unique key). */
    insert(service: Service, at: Date): Promise<void>;
    update(input: Versioned<ServiceFields & { archivedAt: Date | null }>): Promise<Service | undefined>;
    setPrice(id: string, input: { priceCents: number; at: Date }): Promise<void>;
    recordPrice(entry: ServicePrice & { changedBy: string }): Promise<void>;
    priceHistory(id: string): Promise<ServicePrice[]>;
  };
  terms: {
    find(id: string): Promise<TermsVersion | undefined>;
    list(): Promise<TermsVersion[]>;
    currentOn(date: IsoDate): Promise<TermsVersion | undefined>;
    /** Throws TERMS.VERSION_TAKEN when the version number exists (a concurrent publication). */
    insert(terms: TermsVersion): Promise<void>;
  };
  documents: {
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
  documentFiles: {
    find(documentId: string, purpose: DocumentFile['purpose']): Promise<DocumentFile | undefined>;
    insert(file: DocumentFile): Promise<void>;
  };
  signatures: {
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
  /** One personal link per required signatory of a sent document (R-B3). */
  signingRequests: {
    find(id: string, options?: { forUpdate?: boolean }): Promise<SigningRequest | undefined>;
    listByDocument(documentId: string): Promise<SigningRequest[]>;
    /** The requests still awaiting their signer on sent documents, with the document's sending time. */
    listPending(): Promise<(SigningRequest & { sentAt: Date })[]>;
    insert(request: SigningRequest): Promise<void>;
    update(id: string, fields: Partial<Omit<SigningRequest, 'id' | 'documentId' | 'side'>>): Promise<void>;
  };
  mails: {
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
  webhooks: {
    findEndpoint(id: string): Promise<WebhookEndpoint | undefined>;
    listEndpoints(): Promise<WebhookEndpoint[]>;
    /** The active endpoints subscribed to an event type (their secrets stay in the store until delivery). */
    listSubscribers(eventType: string): Promise<WebhookEndpoint[]>;
    findSecret(endpointId: string): Promise<string | undefined>;
    insertEndpoint(endpoint: WebhookEndpoint & { secret: string }): Promise<void>;
    updateEndpoint(
      input: Versioned<Pick<WebhookEndpoint, 'url' | 'description' | 'events' | 'isActive'>>,
    ): Promise<WebhookEndpoint | undefined>;
    deleteEndpoint(id: string): Promise<boolean>;
    findDelivery(id: string): Promise<WebhookDelivery | undefined>;
    listDeliveries(filter: {
      endpointId?: string;
      page: number;
      pageSize: number;
    }): Promise<Page<WebhookDelivery>>;
    /** False when this endpoint already has this event (a dispatch repeated). */
    insertDelivery(delivery: WebhookDelivery): Promise<boolean>;
    updateDelivery(
      id: string,
      fields: Partial<
        Pick<
          WebhookDelivery,
          'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'deliveredAt'
        >
      >,
    ): Promise<void>;
  };
  sealIdentity: {
    find(): Promise<SealIdentity | undefined>;
    /** Keeps the first identity stored for the firm; returns the one kept (a concurrent first seal). */
    insertIfAbsent(identity: SealIdentity, at: Date): Promise<SealIdentity>;
  };
  /**
   * Background work decided in this transaction: written with it, handed to the queue after commit
   * (habit 5), so a rolled-back transaction sends nothing and a crash after commit loses nothing.
   */
  jobs: {
    enqueue<N extends JobName>(job: Job<N>): Promise<void>;
  };
  /** R-D5: renewal campaigns and their items (one per selected client). */
  campaigns: {
    find(id: string, options?: { forUpdate?: boolean }): Promise<Campaign | undefined>;
    list(): Promise<Campaign[]>;
    /** The campaigns with background work that may still be due: generating, sending or sent. */
    listUnfinished(): Promise<Campaign[]>;
    insert(campaign: Campaign): Promise<void>;
    update(input: Versioned<Pick<Campaign, 'name' | 'settings'>>): Promise<Campaign | undefined>;
    /** A status change: not a user's edit, the caller holds the row lock. */
    advance(
      id: string,
      fields: Partial<
        Pick<
          Campaign,
          | 'status'
          | 'generationStartedAt'
          | 'generatedAt'
          | 'sendingStartedBy'
          | 'sendingStartedAt'
          | 'sentAt'
          | 'completedAt'
        >
      >,
      at: Date,
    ): Promise<void>;
    insertItems(campaignId: string, items: CampaignItem[], at: Date): Promise<void>;
    /**
     * Locks up to `limit` items in that status, in position order, skipping those another worker
     * holds: two runs of the same job share the work instead of doing it twice.
     */
    claimItems(campaignId: string, status: CampaignItemStatus, limit: number): Promise<CampaignItem[]>;
    updateItems(
      campaignId: string,
      items: (Pick<CampaignItem, 'engagementId' | 'status'> & Partial<CampaignItem>)[],
      at: Date,
    ): Promise<void>;
    progress(campaignId: string): Promise<CampaignProgress>;
    listItems(
      campaignId: string,
      filter: { status?: CampaignItemStatus; page: number; pageSize: number },
    ): Promise<Page<CampaignItemView>>;
    /** The campaign's letters grouped by status (R-D5's figures are the domain's), and its refusals. */
    followUp(
      campaignId: string,
    ): Promise<{ groups: CampaignLetterGroup[]; refusals: CampaignFollowUp['refusals'] }>;
  };
  /** The client portfolio as renewal reads it: many engagements in a few queries. */
  portfolio: {
    /** The client engagements (all, or those listed) with their company and renewal documents. */
    listClients(filter?: { engagementIds?: string[] }): Promise<PortfolioRecord[]>;
  };
  counters: {
    /** The next value of a gapless series; rolled back with the transaction that drew it. */
    next(series: string): Promise<number>;
  };
  events: {
    /** Returns the event's id. */
    append(event: NewEvent): Promise<number>;
    /** Many events at once, none of which webhooks receive (a campaign's letters created). */
    appendMany(events: NewEvent[]): Promise<void>;
    find(id: number): Promise<HistoryEvent | undefined>;
    listByEngagement(engagementId: string): Promise<HistoryEvent[]>;
    listByDocument(documentId: string): Promise<HistoryEvent[]>;
  };
  idempotency: {
    /**
     * Claims a key: 'new' for the first caller; the stored response (or 'pending') afterwards.
     * A pending claim older than `abandonedBefore` belongs to a request that died mid-way: it is
     * taken over, so that the client's retry can run.
     */
    claim(
      key: string,
      requestHash: string,
      times: { now: Date; abandonedBefore: Date },
    ): Promise<
      | { state: 'new' }
      | { state: 'pending'; requestHash: string }
      | { state: 'done'; requestHash: string; statusCode: number; response: unknown }
    >;
    complete(key: string, statusCode: number, response: unknown): Promise<void>;
    release(key: string): Promise<void>;
  };
};

export type Store = {
  /** Runs fn in one transaction bound to one firm; a throw rolls everything back. */
  transaction<T>(firmId: string, fn: (scope: FirmScope) => Promise<T>): Promise<T>;
  /** The same scope outside a transaction, for reads. */
  read(firmId: string): FirmScope;
  /** The only cross-firm look-ups: who is signing in, which session or token this is. */
  auth: {
    findLoginCandidates(email: string): Promise<(User & { passwordHash: string; firmSlug: string })[]>;
    findSession(tokenHash: string, now: Date): Promise<User | undefined>;
    findApiToken(tokenHash: string, now: Date): Promise<User | undefined>;
  };
  /** A signer arrives with a link's token only: the one look-up of a signing request across firms. */
  signing: {
    findByTokenHash(tokenHash: string): Promise<{ firmId: string; requestId: string } | undefined>;
  };
  /** Which firm's document a PDF is: by the SHA-256 of its frozen or sealed copy, across firms. */
  findDocumentFileByHash(
    sha256: string,
  ): Promise<{ firmId: string; documentId: string; purpose: DocumentFile['purpose'] } | undefined>;
  /** Housekeeping across every firm. */
  maintenance: {
    /** Deletes the sessions expired at `now` and the idempotency keys created before the date given. */
    purgeExpired(input: {
      now: Date;
      idempotencyKeysCreatedBefore: Date;
    }): Promise<{ sessions: number; idempotencyKeys: number }>;
  };
  insertFirm(firm: Firm): Promise<void>;
  listFirms(): Promise<Firm[]>;
  close(): Promise<void>;
};

/** Secrets are made and checked outside the application: scrypt for passwords, SHA-256 for tokens. */
export type Secrets = {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** A random token of at least 256 bits, URL-safe. */
  newToken(): string;
  hashToken(token: string): string;
  /** A uniformly random code of that many decimal digits (a signing code). */
  newNumericCode(digits: number): string;
  /** HMAC-SHA256 of the message under the key, in hex (webhook signatures). */
  hmacSha256(key: string, message: string): string;
  sha256(bytes: Uint8Array): string;
  /** Compares two hashes in constant time. */
  safeEqual(a: string, b: string): boolean;
};

export type RenderOptions = {
  /** The PDF's creation date: with the same content and instant, the same bytes. */
  at: Date;
  /** Printed across every page of a draft's preview (« PROJET »). */
  watermark?: string | null;
  accentColor?: string | null;
  logo?: Uint8Array | null;
};

export type RenderedPdf = { bytes: Uint8Array; sha256: string };

/** Lays out a document's content as a PDF; the words and figures are decided in the domain. */
export type PdfRenderer = {
  render(content: DocumentContent, options: RenderOptions): Promise<RenderedPdf>;
  /** The size of an image the renderer can embed (PNG or JPEG), undefined when it cannot. */
  readImage(bytes: Uint8Array): { width: number; height: number } | undefined;
};

/** The background jobs, each handled by an idempotent use case (delivery is at least once). */
export const JOB_NAMES = [
  'mail.deliver',
  'document.seal',
  'webhook.dispatch',
  'webhook.deliver',
  'campaign.generate',
  'campaign.send',
  'campaign.follow',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
/**
 * What each job carries: the firm and the id of what to work on, as strings (the job reads the rows
 * in its own transaction). Stored as JSON in job_outbox and pg-boss, so a job queued by an earlier
 * version must still read: rename a field only with a fallback for the old name.
 */
export type JobPayloads = {
  'mail.deliver': { firmId: string; mailId: string };
  'document.seal': { firmId: string; documentId: string };
  /** The history event's id (a bigserial), as a string. */
  'webhook.dispatch': { firmId: string; historyEventId: string };
  'webhook.deliver': { firmId: string; deliveryId: string };
  'campaign.generate': { firmId: string; campaignId: string };
  'campaign.send': { firmId: string; campaignId: string };
  'campaign.follow': { firmId: string; campaignId: string };
};
/** A job to queue: a name and that name's payload, never another's (a union over the names given). */
export type Job<N extends JobName = JobName> = {
  [K in N]: { name: K; data: JobPayloads[K]; startAfter?: Date };
}[N];

export type OutgoingMail = {
  to: { name: string; address: string };
  replyTo?: { name: string; address: string } | null;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
};

/** SMTP when configured; otherwise 'outbox': the mails stay in the product for the firm to read. */
export type MailTransport = {
  readonly mode: 'smtp' | 'outbox';
  /** Delivers one mail; throws when the server refuses it (the job retries). */
  deliver(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): Promise<void>;
};

/** Seals a PDF with a PAdES-B-B signature by the firm's certificate. */
export type PdfSealer = {
  createIdentity(input: { commonName: string; organization?: string; at: Date }): Promise<SealIdentity>;
  seal(
    pdf: Uint8Array,
    identity: SealIdentity,
    meta: { reason: string; name: string; location?: string; at: Date },
  ): Promise<Uint8Array>;
};

/** Posts a webhook; resolves with the receiver's status, rejects on a network error or timeout. */
export type WebhookSender = {
  post(url: string, input: { body: string; headers: Record<string, string> }): Promise<{ status: number }>;
};

export type Deps = {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  secrets: Secrets;
  pdf: PdfRenderer;
  mailer: MailTransport;
  sealer: PdfSealer;
  webhookSender: WebhookSender;
  /** Settings the use cases need from the configuration. */
  settings: {
    /** The address the firm's clients open, for the links in mails ("https://lettrine.cabinet.fr"). */
    publicUrl: string;
    /** The install's own seal (PKCS#12 from configuration); undefined: each firm gets a self-signed one. */
    sealIdentity?: SealIdentity;
    /** Clients per transaction of a campaign's generation (250 by default). */
    campaignChunkSize?: number;
  };
};
