import type { DocumentFile, Firm, User } from '../records.ts';
import type { CampaignRepository, PortfolioRepository } from './campaigns.ts';
import type { ServiceRepository, TermsRepository } from './catalogue.ts';
import type {
  CounterRepository,
  DocumentFileRepository,
  DocumentRepository,
  SignatureRepository,
} from './documents.ts';
import type { CompanyRepository, ContactRepository, EngagementRepository } from './engagements.ts';
import type {
  ApiTokenRepository,
  FirmRepository,
  SealIdentityRepository,
  SessionRepository,
  UserRepository,
} from './firm.ts';
import type { EventRepository, IdempotencyRepository } from './history.ts';
import type { JobRepository } from './jobs.ts';
import type { MailRepository, SigningRequestRepository } from './signing.ts';
import type { WebhookRepository } from './webhooks.ts';

/** Every method runs inside one firm: the firm id is bound when the scope is opened. */
export type FirmScope = {
  readonly firmId: string;
  firm: FirmRepository;
  users: UserRepository;
  apiTokens: ApiTokenRepository;
  sessions: SessionRepository;
  companies: CompanyRepository;
  contacts: ContactRepository;
  engagements: EngagementRepository;
  services: ServiceRepository;
  terms: TermsRepository;
  documents: DocumentRepository;
  documentFiles: DocumentFileRepository;
  signatures: SignatureRepository;
  signingRequests: SigningRequestRepository;
  mails: MailRepository;
  webhooks: WebhookRepository;
  sealIdentity: SealIdentityRepository;
  jobs: JobRepository;
  campaigns: CampaignRepository;
  portfolio: PortfolioRepository;
  counters: CounterRepository;
  events: EventRepository;
  idempotency: IdempotencyRepository;
};

export type Store = {
  /**
   * Runs fn in one transaction bound to one firm; a throw rolls everything back. When the database
   * aborts it for a deadlock or a serialization failure, fn runs again from the start (a few times,
   * after short random waits): fn reads what it needs inside and does nothing outside it.
   */
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
