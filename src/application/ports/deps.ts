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
