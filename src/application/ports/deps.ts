import type { SealIdentity } from '../records.ts';
import type {
  Clock,
  IdGenerator,
  MailTransport,
  PdfRenderer,
  PdfSealer,
  Secrets,
  WebhookSender,
} from './outside.ts';
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
/** The firm's users: their passwords are hashed by the secrets port. */
export type UserDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets'>;
