import type { PricingMode } from '../domain/catalogue/service-pricing.ts';
import type { DocumentFacts } from '../domain/documents/content/facts.ts';
import type { DocumentTotals } from '../domain/documents/fees.ts';
import type { DocumentKind, Recurrence } from '../domain/documents/kinds.ts';
import type { DocumentStatus, LifecycleState } from '../domain/documents/lifecycle.ts';
import type { SignatureSide } from '../domain/documents/signatures.ts';
import type { EngagementState } from '../domain/engagements/engagement.ts';
import type { SkipReason } from '../domain/renewal/campaign-plan.ts';
import type { CampaignSettings } from '../domain/renewal/campaign-settings.ts';
import type { IsoDate } from '../domain/shared/dates.ts';
import type { Cents, Decimal } from '../domain/shared/money.ts';

/** What the stores hand to the use cases: plain records, never database rows. */

export const ROLES = ['associe', 'collaborateur', 'lecture'] as const;
export type Role = (typeof ROLES)[number];

export type FirmIdentity = {
  name: string;
  legalForm: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  siren: string | null;
  rcs: string | null;
  vatNumber: string | null;
  ordreCouncil: string | null;
  insurer: string | null;
  insuranceCoverage: string | null;
  consumerMediator: string | null;
};

export type Firm = FirmIdentity & {
  id: string;
  slug: string;
  clientCodePrefix: string;
  /** The firm's colour in its documents, "#RRGGBB"; null for Lettrine's default. */
  accentColor: string | null;
  hasLogo: boolean;
  /** Days after sending when a pending signer is reminded, in increasing order (for example 3 and 7). */
  signatureReminderDays: number[];
  /** Days a sent letter, amendment or work order awaits its signatures before it expires. */
  signingPeriodDays: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

export type FirmLogo = {
  contentType: LogoContentType;
  bytes: Uint8Array;
  width: number;
  height: number;
  uploadedAt: Date;
};

export type User = {
  firmId: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  version: number;
  createdAt: Date;
};

export type CompanyFields = {
  name: string;
  isIndividual: boolean;
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  activity: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  fiscalYearEnd: string;
  vatRegime: string | null;
};

export type Company = CompanyFields & { id: string; version: number; createdAt: Date; updatedAt: Date };

export type ContactFields = {
  civility: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  capacity: string | null;
  isSignatory: boolean;
};

export type Contact = ContactFields & { id: string; companyId: string; version: number; createdAt: Date };

export type Engagement = {
  id: string;
  companyId: string;
  title: string;
  state: EngagementState;
  responsibleUserId: string;
  signatoryContactId: string | null;
  clientCode: string | null;
  convertedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type EngagementListItem = Engagement & {
  companyName: string;
  siren: string | null;
  responsibleName: string;
};

export const SERVICE_DOMAINS = ['comptable', 'fiscal', 'social', 'juridique', 'conseil', 'autre'] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
export { PRICING_MODES, type PricingMode } from '../domain/catalogue/service-pricing.ts';
export type TaskSplit = { task: string; who: 'firm' | 'client'; frequency: string };

export type ServiceFields = {
  code: string;
  label: string;
  description: string | null;
  domain: ServiceDomain;
  recurrence: Recurrence;
  pricingMode: PricingMode;
  unitLabel: string | null;
  priceCents: Cents;
  vatRateBp: number;
  professionalStandard: string | null;
  exclusions: string | null;
  taskSplit: TaskSplit[];
};

export type Service = ServiceFields & { id: string; archivedAt: Date | null; version: number };

export type ServicePrice = {
  id: string;
  serviceId: string;
  priceCents: Cents;
  validFrom: Date;
  coefficient: Decimal | null;
  reason: string | null;
};

export type TermsVersion = {
  id: string;
  version: number;
  title: string;
  body: string;
  effectiveFrom: IsoDate;
  createdAt: Date;
};

export type LineOperation = 'line' | 'add' | 'modify' | 'remove';
export type ModifiableField = 'quantity' | 'unitPriceCents' | 'label';

export type DocumentLine = {
  id: string;
  position: number;
  operation: LineOperation;
  targetLineId: string | null;
  originLineId: string | null;
  /** For a 'modify' line: the fields the amendment changes (the others keep the letter's values). */
  changedFields: ModifiableField[] | null;
  serviceId: string | null;
  label: string;
  description: string | null;
  unitLabel: string | null;
  quantity: Decimal;
  unitPriceCents: Cents;
  vatRateBp: number;
  recurrence: Recurrence;
};

export type DocumentTerms = {
  title: string;
  validUntil: IsoDate | null;
  effectiveDate: IsoDate | null;
  durationMonths: number;
  renewal: 'tacit' | 'new_letter';
  noticeMonths: number;
  paymentTerms: string | null;
  revisionClause: string | null;
  notes: string | null;
  termsVersionId: string | null;
};

export type Document = LifecycleState &
  DocumentTerms & {
    id: string;
    engagementId: string;
    kind: DocumentKind;
    status: DocumentStatus;
    amendsLetterId: string | null;
    sourceProposalId: string | null;
    duplicatedFromId: string | null;
    coefficient: Decimal | null;
    replacesIds: string[];
    /** A replacement letter: the signed amendments its prefill consolidated (R-D2). */
    basedOnAmendmentIds: string[] | null;
    /** The renewal campaign that generated this replacement letter (R-D5), if one did. */
    campaignId: string | null;
    totals: DocumentTotals;
    /** When the sent document, still unsigned, expires: set at sending (see signingDeadline). */
    signingDeadline: Date | null;
    frozen: FrozenDocument | null;
    createdBy: string;
    version: number;
    createdAt: Date;
    updatedAt: Date;
    lines: DocumentLine[];
  };

/**
 * What sending freezes (R-B4): the lines, totals and terms as sent, the SHA-256 of the PDF, and the
 * facts it was rendered from (identities, services, signatories), so that the same document can be
 * rendered again as it was sent (the signed copy of the e-signature work). Documents seeded in bulk
 * have only the first three until their PDF is frozen at first read.
 */
export type FrozenDocument = {
  frozenAt: string;
  lines: DocumentLine[];
  totals: DocumentTotals;
  termsVersionId: string | null;
  pdfSha256?: string;
  facts?: DocumentFacts;
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

export type Signature = {
  id: string;
  documentId: string;
  side: SignatureSide;
  method: 'paper' | 'in_person' | 'electronic';
  signatoryName: string;
  capacity: string | null;
  contactId: string | null;
  userId: string | null;
  signedOn: IsoDate;
  scanFileName: string | null;
  hasScan: boolean;
  /** Null when the signer signed through their link, without an account. */
  recordedBy: string | null;
  recordedAt: Date;
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

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** One signer's personal link to a sent document, and the evidence of what they did with it. */
export type SigningRequest = {
  id: string;
  documentId: string;
  side: SignatureSide;
  signerName: string;
  signerEmail: string;
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
  chainDer?: Uint8Array[];
};

export const CAMPAIGN_STATUSES = [
  'draft',
  'generating',
  'generated',
  'sending',
  'sent',
  'completed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** R-D5: a renewal campaign; its settings are the domain's, whole. */
export type Campaign = {
  id: string;
  name: string;
  status: CampaignStatus;
  settings: CampaignSettings;
  createdBy: string;
  generationStartedAt: Date | null;
  generatedAt: Date | null;
  sendingStartedBy: string | null;
  sendingStartedAt: Date | null;
  sentAt: Date | null;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const CAMPAIGN_ITEM_STATUSES = ['pending', 'generated', 'skipped', 'sent', 'send_failed'] as const;
export type CampaignItemStatus = (typeof CAMPAIGN_ITEM_STATUSES)[number];

/** Why a campaign letter could not be sent: the error's code, and the completeness check's missing items. */
export type SendProblem = { code: string; missing?: string[] };

/** One selected client of a campaign: the unit of generation and sending. */
export type CampaignItem = {
  engagementId: string;
  position: number;
  status: CampaignItemStatus;
  skipReason: SkipReason | null;
  documentId: string | null;
  annualBeforeCents: number | null;
  annualAfterCents: number | null;
  sendProblem: SendProblem | null;
};

export type CampaignItemView = CampaignItem & {
  companyName: string;
  clientCode: string | null;
  documentNumber: string | null;
  documentStatus: DocumentStatus | null;
  refusalReason: string | null;
};

export type CampaignProgress = Record<CampaignItemStatus, number> & { total: number };

/** R-D5 follow-up: the campaign's letters by status, and the fees they carry. */
export type CampaignFollowUp = {
  byStatus: Record<'draft' | 'sent' | 'signed' | 'refused' | 'expired' | 'cancelled', number>;
  annualBeforeCents: number;
  annualAfterCents: number;
  /** The new annual fees of the signed letters. */
  feesSecuredCents: number;
  /** The new annual fees of the letters sent and awaiting signature. */
  feesPendingCents: number;
  refusals: {
    engagementId: string;
    companyName: string;
    documentId: string;
    number: string | null;
    reason: string | null;
    refusedAt: Date | null;
  }[];
};

/** A line as the scope in force (R-C3) reads it. */
export type ScopeLineRecord = Pick<
  DocumentLine,
  | 'id'
  | 'operation'
  | 'targetLineId'
  | 'changedFields'
  | 'serviceId'
  | 'label'
  | 'unitLabel'
  | 'quantity'
  | 'unitPriceCents'
  | 'vatRateBp'
  | 'recurrence'
>;

/** A document as the scope in force reads it: what R-C3 needs, and nothing a renewal would not read. */
export type ScopeDocument = Pick<
  Document,
  | 'id'
  | 'kind'
  | 'status'
  | 'number'
  | 'effectiveDate'
  | 'signedAt'
  | 'createdAt'
  | 'replacedById'
  | 'amendsLetterId'
> & { lines: ScopeLineRecord[] };

/** A letter, amendment or replacement letter as renewal reads it: its scope, and the terms it renews. */
export type RenewalDocument = ScopeDocument &
  Pick<
    Document,
    | 'termsVersionId'
    | 'durationMonths'
    | 'renewal'
    | 'noticeMonths'
    | 'paymentTerms'
    | 'revisionClause'
    | 'campaignId'
  >;

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
