import type { BillingPeriod } from '../billing/instalments.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { Cents, Decimal } from '../shared/money.ts';
import type { DocumentFacts } from './content/facts.ts';
import type { DocumentTotals } from './fees.ts';
import type { DocumentKind, Recurrence } from './kinds.ts';
import type { DocumentStatus, LifecycleState } from './lifecycle.ts';
import type { SignatureSide } from './signatures.ts';

/**
 * The five documents' model (R-B): a document, its lines and terms, what sending freezes, its
 * signatures; and the narrower views the scope in force (R-C3) and renewal read.
 */

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
  /** R-G2: how often a letter's recurring fees are billed; an amendment follows its letter's. */
  billingPeriod: BillingPeriod;
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
    /**
     * The associé chosen to sign for the firm (issue 14, item 7); absent or null: the rule of
     * chooseFirmSignatory (the engagement's responsible associé, else the first active one).
     */
    firmSignatoryId: string | null;
    /** R-G1: the last day a terminated letter covers; absent or null while it is not terminated. */
    endDate?: IsoDate | null;
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
  | 'endDate'
> & { lines: ScopeLineRecord[] };

/** A letter, amendment or replacement letter as renewal reads it: its scope, and the terms it renews. */
export type RenewalDocument = ScopeDocument &
  Pick<
    Document,
    | 'termsVersionId'
    | 'durationMonths'
    | 'renewal'
    | 'noticeMonths'
    | 'billingPeriod'
    | 'paymentTerms'
    | 'revisionClause'
    | 'campaignId'
  >;
