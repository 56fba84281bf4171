import type { SealIdentity } from '../records.ts';
import type {
  Clock,
  IdGenerator,
  MailTransport,
  PdfRenderer,
  PdfSealer,
  Secrets,
  SmsSender,
  TimestampAuthority,
  WebhookSender,
} from './outside.ts';
import type { PdfVerifier } from './pdf-verifier.ts';
import type { Store } from './store.ts';

/** Everything a use case may be given; each use case takes the slice it reads (below). */
export type Deps = {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  secrets: Secrets;
  pdf: PdfRenderer;
  mailer: MailTransport;
  sealer: PdfSealer;
  /** The timestamping authority of the seals (TSA_URL); absent, seals are PAdES-B-B on the server's clock. */
  timestamps?: TimestampAuthority;
  /** Checks the signatures of a PDF someone brings to the verification page. */
  pdfVerifier: PdfVerifier;
  webhookSender: WebhookSender;
  /** SMS for the signing code (SMS_PROVIDER); absent: codes go by mail only. */
  sms?: SmsSender;
  /** Settings the use cases need from the configuration. */
  settings: {
    /** The address the firm's clients open, for the links in mails ("https://lettrine.cabinet.fr"). */
    publicUrl: string;
    /** The install's own seal (PKCS#12 from configuration); undefined: each firm gets a self-signed one. */
    sealIdentity?: SealIdentity;
    /** Clients per transaction of a campaign's generation (250 by default). */
    campaignChunkSize?: number;
    /**
     * Chunks of a campaign's generation in flight at once (1 by default): 2 on PostgreSQL, so that
     * the server writes one while this process plans the next; PGlite has one connection.
     */
    campaignWorkers?: number;
    /** A session without a request for this long is over (480, eight hours, by default). */
    sessionIdleMinutes?: number;
    /** The login and reset limits, when not the defaults (application/auth/limits.ts). */
    accountLimits?: Partial<AccountLimits>;
  };
};

/** At most `points` in a fixed window of `windowSeconds`. */
export type Limit = { points: number; windowSeconds: number };

/** The limits on logins, password changes and reset requests, shared by every server process. */
export type AccountLimits = {
  /** Every login attempt of one e-mail from one address. */
  loginPerAddressAndEmail: Limit;
  /** Failed logins of one e-mail, from any address (a guessing spread over addresses). */
  loginFailuresPerAccount: Limit;
  /** Failed logins from one address, whatever the e-mail (a sprayed address). */
  loginFailuresPerAddress: Limit;
  /** Password changes by one user (the current password guessed from a session left open). */
  passwordChangesPerUser: Limit;
  /** « Mot de passe oublié ? » requests for one e-mail, and from one address. */
  resetRequestsPerEmail: Limit;
  resetRequestsPerAddress: Limit;
};

/*
 * The slices: each use case takes the one covering what it reads and what it passes on, so its
 * signature says which outside services it touches and a test fakes only those. Callers keep
 * passing the whole Deps (a wider object satisfies a Pick).
 */

/** Documents: the store, the time, new ids and the PDF renderer (previews, the frozen copy). */
export type DocumentDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'pdf'>;
/** Opening a sent document's signing links: tokens, and the mails that carry them. */
export type SigningLinkDeps = Pick<Deps, 'ids' | 'secrets' | 'mailer' | 'settings'>;
/** Sending a document freezes its PDF and opens its signing links. */
export type SendDocumentDeps = DocumentDeps & SigningLinkDeps;
/** Renewal campaigns and lists: the store, the time, new ids and the generation's chunk size. */
export type CampaignDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'settings'>;
/** Sending a campaign sends each of its letters. */
export type SendCampaignDeps = CampaignDeps & SendDocumentDeps;
/** The catalogue: services, their prices and revaluations. */
export type CatalogueDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;
/** Companies, their contacts and the engagements with them. */
export type EngagementDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;
/** The general terms' versions. */
export type TermsDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;
/** The firm's users: their passwords are hashed by the secrets port; invitations go by mail. */
export type UserDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets' | 'mailer' | 'settings'>;
