import type { BillingPeriod } from '../../billing/instalments.ts';
import type { ServiceDomain } from '../../catalogue/service.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { Cents, Decimal } from '../../shared/money.ts';
import type { TrailEntry } from '../../signing/signing-trail.ts';
import type { AmendmentSummary, ReplacementSummary } from '../change-summary.ts';
import type { DocumentTotals, LineBilling } from '../fees.ts';
import type { DocumentKind, Recurrence } from '../kinds.ts';
import type { LetterTerm } from '../term.ts';

/**
 * Everything a document says, gathered by the application from the firm, the client, the catalogue
 * and the engagement's other documents. The completeness check (DOMAIN.md "What a letter must
 * contain") and the content of the PDF are both pure functions of these facts.
 */

export type FirmFacts = {
  readonly name: string;
  readonly legalForm: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly siren: string | null;
  readonly rcs: string | null;
  readonly vatNumber: string | null;
  readonly ordreCouncil: string | null;
  readonly insurer: string | null;
  readonly insuranceCoverage: string | null;
  readonly consumerMediator: string | null;
  /**
   * The firm's data-protection officer (DPO), when it has designated one: the one contact the letter
   * and its general terms give for personal data; absent, the firm's e-mail (see personal-data.ts).
   */
  readonly dpoEmail?: string | null;
};

export type ClientFacts = {
  readonly name: string;
  /** A private person: a consumer, with the consumer variant of the clauses. */
  readonly isIndividual: boolean;
  readonly legalForm: string | null;
  readonly siren: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly activity: string | null;
  /** "MM-DD". */
  readonly fiscalYearEnd: string;
  readonly clientCode: string | null;
};

export type PersonFacts = {
  readonly name: string;
  readonly capacity: string | null;
  /**
   * Whether this signatory is invited to sign electronically when the document is sent (a signatory
   * with an e-mail address gets a personal link, see openSigningRequests); absent in facts frozen
   * before it existed, which read as paper.
   */
  readonly signsElectronically?: boolean;
};

export type TaskSplitFacts = {
  readonly task: string;
  readonly who: 'firm' | 'client';
  readonly frequency: string;
};

export type LineFacts = {
  readonly label: string;
  /** Nature and scope of the service: the line's own description, else the catalogue's. */
  readonly description: string | null;
  readonly unitLabel: string | null;
  readonly quantity: Decimal;
  readonly unitPriceCents: Cents;
  readonly vatRateBp: number;
  readonly recurrence: Recurrence;
  readonly professionalStandard: string | null;
  readonly exclusions: string | null;
  readonly taskSplit: readonly TaskSplitFacts[];
  /** R-C4, work orders: no recurring line of the scope in force covers this service. */
  readonly outsideScope: boolean;
  /** The service's pricing mode (absent from facts frozen before it was recorded: see lineBillingOf). */
  readonly pricingMode?: LineBilling | null;
  /** The catalogue domain of the service (comptable, social…); null for a line typed by hand. */
  readonly domain?: ServiceDomain | null;
};

export type TermsFacts = {
  readonly version: number;
  readonly title: string;
  readonly body: string;
  readonly effectiveFrom: IsoDate;
};

export type DocumentFacts = {
  readonly kind: DocumentKind;
  /** The document's own title, « Lettre de mission » unless the firm named it otherwise. */
  readonly title: string;
  /** Null for a draft: it has no number before it is sent (R-B5). */
  readonly number: string | null;
  /** The day the document is issued: the sending day, or today for a draft's preview. */
  readonly issuedOn: IsoDate;
  readonly firm: FirmFacts;
  readonly client: ClientFacts;
  readonly clientSignatory: PersonFacts | null;
  /** The associé who signs for the firm (R-B3): the responsible one, else the first active one. */
  readonly firmSignatory: PersonFacts | null;
  readonly lines: readonly LineFacts[];
  readonly totals: DocumentTotals;
  readonly terms: TermsFacts | null;
  readonly effectiveDate: IsoDate | null;
  readonly validUntil: IsoDate | null;
  readonly durationMonths: number;
  readonly renewal: 'tacit' | 'new_letter';
  readonly noticeMonths: number;
  /** R-G2: how the letter's recurring fees are billed; absent (frozen before it existed): monthly. */
  readonly billingPeriod?: BillingPeriod;
  readonly term: LetterTerm | null;
  readonly paymentTerms: string | null;
  readonly revisionClause: string | null;
  readonly notes: string | null;
  /** An amendment: the letter it amends and what it changes. */
  readonly amendment: {
    readonly letterNumber: string | null;
    readonly letterSignedOn: IsoDate | null;
    readonly summary: AmendmentSummary;
    /** The services the amendment adds, described as a letter describes them (issue 14, item 9). */
    readonly addedLines?: readonly LineFacts[];
  } | null;
  /** A replacement letter: what it replaces and what changes against the scope in force. */
  readonly replacement: {
    readonly replaced: readonly {
      readonly number: string | null;
      readonly signedOn: IsoDate | null;
      readonly kind: DocumentKind;
    }[];
    readonly summary: ReplacementSummary;
    /** R-D3: the coefficient the prices were revalued by, if any (« 1.0375 »). */
    readonly coefficient?: Decimal | null;
  } | null;
  /** A letter of termination (R-G1): the termination it records; absent for the other kinds. */
  readonly termination?: TerminationFacts | null;
  /**
   * The signed copy only: who signed, how, and the evidence of each signature. Absent from what is
   * frozen at sending; added when the sealed copy is rendered.
   */
  readonly signed?: SignedFacts | null;
};

/** One service that ends with the letter: as in force on its end date, with its annual fees HT. */
export type EndingServiceFacts = {
  readonly label: string;
  readonly recurrence: Recurrence;
  readonly quantity: Decimal;
  readonly unitLabel: string | null;
  readonly annualHtCents: Cents;
};

/** R-G1: what a letter of termination says, from the termination recorded. */
export type TerminationFacts = {
  /** The letter terminated. */
  readonly letter: {
    readonly kind: DocumentKind;
    readonly number: string | null;
    readonly signedOn: IsoDate | null;
    readonly effectiveDate: IsoDate | null;
  };
  readonly requestedBy: 'client' | 'firm';
  /** Null when the reason is confidential: recorded in the firm's history, never printed. */
  readonly reason: string | null;
  readonly noticeGivenOn: IsoDate;
  readonly endDate: IsoDate;
  readonly earliestEndDate: IsoDate;
  readonly noticeMonths: number;
  readonly noticeRespected: boolean;
  readonly agreedOtherwise: boolean;
  /** R-G2: the ended letter's billing period (monthly when absent), the instalments its fees were due in. */
  readonly billingPeriod?: BillingPeriod;
  /** The services in force on the end date, which end with the letter (its amendments included). */
  readonly services: readonly EndingServiceFacts[];
  /** Sent as a registered letter instead of for signature: its number and the day it was posted. */
  readonly registeredMail?: { readonly number: string; readonly sentOn: IsoDate } | null;
};

/** What one signatory did, as recorded (ISO instants; null where the step did not apply). */
export type SignerEvidence = {
  readonly side: 'client' | 'firm';
  readonly name: string;
  readonly capacity: string | null;
  readonly email: string | null;
  readonly method: 'electronic' | 'paper' | 'in_person';
  /** An electronic signature: through the signer's link, or by the associé in their own session. */
  readonly channel: 'link' | 'product' | null;
  /** How the code reached the signer: by e-mail, left in the firm's outbox (no mail server), or by SMS. */
  readonly codeDelivery: 'email' | 'outbox' | 'sms' | null;
  /** The mobile (E.164) the code went to by SMS; printed masked. */
  readonly mobile?: string | null;
  /** The instant the signature was recorded, and the signing day (Paris) it carries. */
  readonly signedAt: string;
  readonly signedOn: IsoDate;
  /** The name the signer typed, and the signature they drew (a PNG), when signed through the link. */
  readonly typedName: string | null;
  readonly drawing: Uint8Array | null;
  readonly viewedAt: string | null;
  readonly viewedIp: string | null;
  readonly viewedUserAgent: string | null;
  readonly codeSentAt: string | null;
  readonly codeVerifiedAt: string | null;
  readonly consentAt: string | null;
  readonly signedIp: string | null;
  readonly signedUserAgent: string | null;
  /** For a signature recorded in the product (paper, in person, the associé's own): who recorded it. */
  readonly recordedBy: string | null;
};

export type SignedFacts = {
  /** The SHA-256 of the PDF that was sent and signed (the frozen copy). */
  readonly documentSha256: string;
  /** When the last required signature arrived: the document became signed. */
  readonly completedAt: string;
  /** The name on the certificate that seals the copy. */
  readonly sealedBy: string;
  /** Issue 15: a certificate the firm issued itself (no trusted issuer vouches for the name). */
  readonly sealSelfSigned?: boolean;
  readonly signers: readonly SignerEvidence[];
  /**
   * Issue 15, item 4: the signing transaction's id (the document's own), printed on every page of the
   * signed copy; every step of its trail in time order, the seal included; the SHA-256 of the sealing
   * certificate and the address where anyone can check the copy.
   */
  readonly transactionId: string;
  readonly trail: readonly TrailEntry[];
  readonly sealCertificateSha256: string;
  readonly verificationUrl: string;
  /** Issue 15, item 2: the sent PDF, embedded in the sealed copy under this name (absent before). */
  readonly sentCopy?: SentCopyFacts | null;
  /** Issue 15, item 1: the authority's time on the sent PDF; null: the times are the server's clock. */
  readonly timestamp?: TimestampFacts | null;
};

export type SentCopyFacts = {
  /** The attachment's name in the sealed copy (pdfdetach -list shows it). */
  readonly fileName: string;
  readonly byteSize: number;
};

/** An RFC 3161 token over the sent PDF: the authority's name, its time, the token's attachment name. */
export type TimestampFacts = {
  readonly authority: string;
  readonly at: string;
  readonly fileName: string;
};
