/**
 * What the stores hand to the use cases: plain records, never database rows. The model itself
 * (firm, engagement, company, service, document, campaign) is the domain's, re-exported here for
 * the ports; what stays here are the read models (lists, history, mails, webhooks, signing links).
 */
import type { Document, RenewalDocument } from '../domain/documents/document.ts';
import type { DocumentStatus } from '../domain/documents/lifecycle.ts';
import type { SignatureSide } from '../domain/documents/signatures.ts';
import type { Engagement } from '../domain/engagements/engagement.ts';
import type { CampaignItem } from '../domain/renewal/campaign.ts';

export {
  SERVICE_DOMAINS,
  type Service,
  type ServiceDomain,
  type ServiceFields,
  type ServicePrice,
  type TaskSplit,
} from '../domain/catalogue/service.ts';
export { PRICING_MODES, type PricingMode } from '../domain/catalogue/service-pricing.ts';
export type {
  Document,
  DocumentLine,
  DocumentTerms,
  FrozenDocument,
  LineOperation,
  ModifiableField,
  RenewalDocument,
  ScopeDocument,
  ScopeLineRecord,
  Signature,
} from '../domain/documents/document.ts';
export type { Company, CompanyFields, Contact, ContactFields } from '../domain/engagements/company.ts';
export type { Engagement } from '../domain/engagements/engagement.ts';
export { API_TOKEN_DAYS, TOKEN_SCOPES, type TokenScope } from '../domain/firm/api-tokens.ts';
export {
  type Firm,
  type FirmIdentity,
  type FirmLogo,
  FORMS_OF_ADDRESS,
  type FormOfAddress,
  LOGO_CONTENT_TYPES,
  type LogoContentType,
  ROLES,
  type Role,
  type User,
} from '../domain/firm/firm.ts';
export type { TermsVersion } from '../domain/firm/terms-versions.ts';
export {
  CAMPAIGN_ITEM_STATUSES,
  CAMPAIGN_STATUSES,
  type Campaign,
  type CampaignFollowUp,
  type CampaignItem,
  type CampaignItemStatus,
  type CampaignProgress,
  type CampaignStatus,
  type SendProblem,
} from '../domain/renewal/campaign.ts';

export type EngagementListItem = Engagement & {
  companyName: string;
  siren: string | null;
  responsibleName: string;
};

export type DocumentListItem = Omit<Document, 'lines' | 'frozen'> & { companyName: string };

/**
 * A document's PDF: as it was frozen at sending (R-B4), and once signed, the sealed copy with its
 * signature blocks filled and its evidence page.
 */
export type DocumentFile = {
  documentId: string;
  purpose: 'frozen' | 'sealed';
  contentType: 'application/pdf';
  bytes: Uint8Array;
  sha256: string;
  createdAt: Date;
};

export type HistoryEvent = {
  id: number;
  engagementId: string | null;
  documentId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  type: string;
  before: unknown;
  after: unknown;
  data: unknown;
  at: Date;
};

export type NewEvent = Omit<HistoryEvent, 'id' | 'actorName' | 'before' | 'after' | 'data'> & {
  before?: unknown;
  after?: unknown;
  data?: unknown;
};

/**
 * One page of a list. `total` counts the whole list, unless `totalIsExact` is false: a search stops
 * counting past SEARCH_COUNT_LIMIT matches (and past the page asked), and `total` is then a floor.
 */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalIsExact?: boolean };

/**
 * A search counts its matches up to this many (issue 19): beyond, nobody pages through them, and
 * counting 50 000 matches of a short word in a large firm would cost every page of it.
 */
export const SEARCH_COUNT_LIMIT = 1_000;

/** One signer's personal link to a sent document, and the evidence of what they did with it. */
export type SigningRequest = {
  id: string;
  documentId: string;
  side: SignatureSide;
  signerName: string;
  signerEmail: string;
  /** E.164, when the firm gave the signer's mobile: the code then goes by SMS if SMS is configured. */
  signerMobile: string | null;
  capacity: string | null;
  contactId: string | null;
  userId: string | null;
  tokenHash: string;
  earlierTokenHashes: string[];
  createdAt: Date;
  viewedAt: Date | null;
  viewedIp: string | null;
  viewedUserAgent: string | null;
  codeHash: string | null;
  codeSentAt: Date | null;
  codeExpiresAt: Date | null;
  /** How the last code travelled. */
  codeChannel: 'email' | 'sms' | null;
  codeAttempts: number;
  codeVerifiedAt: Date | null;
  lockedAt: Date | null;
  consentAt: Date | null;
  outcome: 'signed' | 'refused' | null;
  completedAt: Date | null;
  completedIp: string | null;
  completedUserAgent: string | null;
  typedName: string | null;
  drawnSignature: Uint8Array | null;
  refusalReason: string | null;
  remindersSent: number;
  lastRemindedAt: Date | null;
};

export const MAIL_KINDS = [
  'signature_request',
  'signature_code',
  'signature_reminder',
  'signed_copy',
  'document_refused',
  'password_reset',
  'invitation',
  'vigilance_review_reminder',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export type MailStatus = 'queued' | 'sent' | 'outbox' | 'failed';

export type Mail = {
  id: string;
  kind: MailKind;
  documentId: string | null;
  toName: string;
  toAddress: string;
  subject: string;
  /** Null once a mail carrying a link or a code has been delivered by SMTP. */
  textBody: string | null;
  htmlBody: string | null;
  attachSealedPdf: boolean;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  isActive: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type WebhookDelivery = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  replayOf: string | null;
  createdAt: Date;
};

/** The key and certificate that seal a firm's signed PDFs. */
export type SealIdentity = {
  privateKeyPkcs8: Uint8Array;
  certificateDer: Uint8Array;
  commonName: string;
  notAfter?: Date;
  chainDer?: Uint8Array[];
};

/** A firm's seal as stored: made by Lettrine (self-signed) or imported by an associé (issue 15). */
export type StoredSealIdentity = SealIdentity & { source: 'self_signed' | 'imported'; createdAt: Date };

export type CampaignItemView = CampaignItem & {
  companyName: string;
  clientCode: string | null;
  documentNumber: string | null;
  documentStatus: DocumentStatus | null;
  refusalReason: string | null;
};

/** A client engagement with what renewal needs: its company, and its letters, amendments and replacements. */
export type PortfolioRecord = {
  engagementId: string;
  companyName: string;
  clientCode: string | null;
  siren: string | null;
  responsibleUserId: string;
  fiscalYearEnd: string;
  /** Letters and amendments with effect (lines included), and replacement letters in draft or sent. */
  documents: RenewalDocument[];
};

/** The history events the people in charge of a document hear of in the app (issue 18, item 8). */
export const NOTIFIED_EVENT_TYPES = ['document.signed', 'document.refused', 'document.expired'] as const;
export type NotifiedEventType = (typeof NOTIFIED_EVENT_TYPES)[number];
