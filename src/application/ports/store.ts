import type { DocumentFile, Firm, TokenScope, User } from '../records.ts';
import type { BillingRepository } from './billing.ts';
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
  PasswordResetRepository,
  SealIdentityRepository,
  SessionRepository,
  UserRepository,
} from './firm.ts';
import type { EventRepository, IdempotencyRepository } from './history.ts';
import type { InstallationRepository } from './installation.ts';
import type { JobRepository } from './jobs.ts';
import type { NotificationRepository } from './notifications.ts';
import type { MailRepository, SigningEventRepository, SigningRequestRepository } from './signing.ts';
import type { VigilanceRepository } from './vigilance.ts';
import type { WebhookRepository } from './webhooks.ts';

/** Every method runs inside one firm: the firm id is bound when the scope is opened. */
export type FirmScope = {
  readonly firmId: string;
  firm: FirmRepository;
  users: UserRepository;
  apiTokens: ApiTokenRepository;
  sessions: SessionRepository;
  passwordResets: PasswordResetRepository;
  companies: CompanyRepository;
  contacts: ContactRepository;
  engagements: EngagementRepository;
  services: ServiceRepository;
  terms: TermsRepository;
  documents: DocumentRepository;
  documentFiles: DocumentFileRepository;
  signatures: SignatureRepository;
  signingRequests: SigningRequestRepository;
  signingEvents: SigningEventRepository;
  mails: MailRepository;
  webhooks: WebhookRepository;
  sealIdentity: SealIdentityRepository;
  jobs: JobRepository;
  campaigns: CampaignRepository;
  portfolio: PortfolioRepository;
  billing: BillingRepository;
  counters: CounterRepository;
  events: EventRepository;
  notifications: NotificationRepository;
  idempotency: IdempotencyRepository;
  vigilance: VigilanceRepository;
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
    /**
     * The session's user while it is neither past its end nor idle since `idleSince`; its last
     * activity becomes `now` (written at most once a minute).
     */
    findSession(tokenHash: string, input: { now: Date; idleSince: Date }): Promise<User | undefined>;
    /** The token's user and scopes while it is neither revoked nor expired. */
    findApiToken(tokenHash: string, now: Date): Promise<(User & { scopes: TokenScope[] }) | undefined>;
    /** A « Mot de passe oublié ? » link arrives with its token only: the one look-up across firms. */
    findPasswordReset(tokenHash: string): Promise<{ firmId: string; resetId: string } | undefined>;
  };
  /** The setup link of a new installation, before any firm exists. */
  installation: InstallationRepository;
  /**
   * Counters shared by every server on the database (login and reset limits), in fixed windows.
   * `hit` adds one in one statement and says how many the window holds; `refund` takes one back
   * (a login that succeeded); `clear` forgets the key.
   */
  rateLimits: {
    hit(key: string, input: { now: Date; windowSeconds: number }): Promise<{ hits: number; resetsAt: Date }>;
    refund(key: string): Promise<void>;
    clear(key: string): Promise<void>;
  };
  /** A signer arrives with a link's token only: the one look-up of a signing request across firms. */
  signing: {
    findByTokenHash(
      tokenHash: string,
    ): Promise<{ firmId: string; requestId: string; documentId: string } | undefined>;
  };
  /** Which firm's document a PDF is: by the SHA-256 of its frozen or sealed copy, across firms. */
  findDocumentFileByHash(
    sha256: string,
  ): Promise<{ firmId: string; documentId: string; purpose: DocumentFile['purpose'] } | undefined>;
  /** Which firm seals with this certificate, by the SHA-256 of its DER, across firms. */
  findFirmBySealFingerprint(sha256: string): Promise<{ firmId: string } | undefined>;
  /** Housekeeping across every firm. */
  maintenance: {
    /**
     * Deletes the sessions expired at `now` (or idle since `sessionsIdleSince`), the idempotency keys
     * created before the date given, the notifications read before theirs, and the spent limit
     * counters and reset links.
     */
    purgeExpired(input: {
      now: Date;
      idempotencyKeysCreatedBefore: Date;
      sessionsIdleSince?: Date;
      /** Notifications read before it go: the engagement's history keeps their events. */
      notificationsReadBefore: Date;
    }): Promise<{ sessions: number; idempotencyKeys: number; notifications: number }>;
  };
  insertFirm(firm: Firm): Promise<void>;
  listFirms(): Promise<Firm[]>;
  close(): Promise<void>;
};
