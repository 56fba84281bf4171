import type { ExportedEntry } from '../../domain/billing/adjustments.ts';
import type { Month } from '../../domain/billing/months.ts';
import type { Document, ScopeDocument } from '../../domain/documents/document.ts';
import type { TerminationDecision } from '../../domain/documents/termination.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';

/** A letter, amendment or work order with effect, as billing reads it (R-G2). */
export type BillingDocument = ScopeDocument &
  Pick<Document, 'durationMonths' | 'noticeMonths' | 'renewal' | 'billingPeriod'>;

/** One client engagement with what its billing and recurring revenue are computed from. */
export type BillingRecord = {
  engagementId: string;
  clientName: string;
  clientCode: string | null;
  responsibleUserId: string;
  fiscalYearEnd: string;
  documents: BillingDocument[];
  /** The one-off lines the firm marked done: line id → day. */
  completions: Map<string, IsoDate>;
};

export type Termination = TerminationDecision & {
  id: string;
  engagementId: string;
  /** R-G1: recorded in the history, never printed on the letter of termination. */
  reasonConfidential: boolean;
  /** The letter of termination (« FM-… »), a document of its own. */
  terminationDocumentId: string | null;
  /** The letter of termination sent as a registered letter: its number and the day it was posted. */
  registeredMailNumber: string | null;
  registeredMailSentOn: IsoDate | null;
  recordedBy: string;
  recordedAt: Date;
};

export type BillingExport = { month: Month; entries: ExportedEntry[]; exportedBy: string; exportedAt: Date };

export type BillingRepository = {
  /**
   * The client engagements (all, or those listed), each with its documents with effect and lines.
   * `figuresOnly`: what the schedule's totals read (a firm's whole portfolio), the lines without
   * their words (`label` empty, `serviceId` and `unitLabel` null): never for entries or revenue.
   */
  listRecords(filter?: { engagementIds?: string[]; figuresOnly?: boolean }): Promise<BillingRecord[]>;
  /** False when the letter already has a termination (a unique key decides). */
  insertTermination(termination: Termination): Promise<boolean>;
  listTerminations(filter: {
    id?: string;
    engagementId?: string;
    letterId?: string;
    terminationDocumentId?: string;
  }): Promise<Termination[]>;
  /** Links the letter of termination, or records it was sent as a registered letter. */
  updateTermination(
    id: string,
    patch: Partial<
      Pick<Termination, 'terminationDocumentId' | 'registeredMailNumber' | 'registeredMailSentOn'>
    >,
  ): Promise<void>;
  /** False when the line was already marked done. */
  insertCompletion(input: {
    lineId: string;
    documentId: string;
    doneOn: IsoDate;
    recordedBy: string;
    at: Date;
  }): Promise<boolean>;
  listExports(): Promise<BillingExport[]>;
  /** False when the month was already exported. */
  insertExport(input: BillingExport): Promise<boolean>;
};
