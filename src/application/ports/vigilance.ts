import type { FreezeRegister } from '../../domain/vigilance/freeze-register.ts';
import type { IdentificationFile } from '../../domain/vigilance/identification.ts';
import type { RegisterEntry } from '../../domain/vigilance/screening.ts';
import type {
  MatchStatus,
  ScreeningMatch,
  StoredEvidence,
  VigilanceFile,
  VigilanceSettings,
} from '../../domain/vigilance/vigilance-file.ts';

export type VigilanceFileEvent = {
  id: string;
  engagementId: string;
  /** identification.updated, evidence.added, evidence.checked, assessment.recorded, … */
  type: string;
  userId: string | null;
  at: Date;
  /** The change as it was made; may hold the confidential notes (R-F6: filtered when read). */
  data: Record<string, unknown>;
};

export type VigilanceReview = {
  id: string;
  engagementId: string;
  reason: 'periodic' | 'amendment' | 'replacement_letter';
  dueOn: string;
  documentId: string | null;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
};

export type StoredRegister = FreezeRegister & { id: string; sha256: string; importedAt: Date };

/** An import of the register without its entries, with its re-screening's account (R-F5). */
export type RegisterImport = {
  id: string;
  publishedAt: string | null;
  sha256: string;
  entryCount: number;
  importedAt: Date;
  importedBy: string | null;
  newMatches: number;
  screeningFinishedAt: Date | null;
};

/** What the gate reads of many files at once (a campaign's slice of clients). */
export type GateInputs = {
  files: VigilanceFile[];
  evidence: StoredEvidence[];
  /** Matches not cleared (open or confirmed), by engagement. */
  blockingMatches: Map<string, number>;
  openReviews: VigilanceReview[];
};

/** R-F7: a file whose retention may be over, with its client. */
export type PurgeCandidate = {
  engagementId: string;
  companyName: string;
  clientCode: string | null;
  relationshipEndedOn: string;
};

/** Who is responsible for an engagement, and its client's name (a reminder's line). */
export type FileOwner = {
  engagementId: string;
  responsibleUserId: string;
  companyName: string;
  title: string;
};

/** R-F7: the tombstone a purge leaves. */
export type PurgeTombstone = { purgedBy: string; purgedAt: Date; reason: string };

/** LCB-FT files of one firm (R-F1 … R-F7). */
export type VigilanceRepository = {
  /** The firm's settings; the defaults (controls on, 12/24/36 months) when it never set them. */
  settings(): Promise<VigilanceSettings>;
  saveSettings(settings: Omit<VigilanceSettings, 'version'>, at: Date): Promise<VigilanceSettings>;
  /** forUpdate locks the file until commit (take the engagement's lock first when both are needed). */
  findFile(engagementId: string, options?: { forUpdate?: boolean }): Promise<VigilanceFile | undefined>;
  /** Inserts or replaces the file; its version is raised by one. */
  saveFile(file: Omit<VigilanceFile, 'version' | 'updatedAt'>, at: Date): Promise<VigilanceFile>;
  /** Every file of the firm (the reviews list), or those named. */
  listFiles(filter?: { engagementIds?: readonly string[] }): Promise<VigilanceFile[]>;
  /**
   * R-F7: the files not purged whose relationship ended on or before the day given, with their
   * client's name and code (one query).
   */
  listPurgeCandidates(endedOnOrBefore: string): Promise<PurgeCandidate[]>;
  /** The engagements named: their responsible user and client's name (one query). */
  listFileOwners(engagementIds: readonly string[]): Promise<FileOwner[]>;
  /** The gate's inputs for the files of the engagements named (absent files are left out). */
  listGateInputs(engagementIds: readonly string[]): Promise<GateInputs>;
  recordEvent(event: VigilanceFileEvent): Promise<void>;
  listEvents(engagementId: string): Promise<VigilanceFileEvent[]>;
  insertEvidence(evidence: StoredEvidence & { bytes: Uint8Array }): Promise<void>;
  listEvidence(engagementId: string): Promise<StoredEvidence[]>;
  findEvidenceFile(id: string): Promise<(StoredEvidence & { bytes: Uint8Array }) | undefined>;
  markEvidenceChecked(id: string, input: { by: string; at: Date }): Promise<StoredEvidence | undefined>;
  /** The entries of the import named. */
  findRegisterEntries(id: string): Promise<RegisterEntry[] | undefined>;
  insertRegister(register: StoredRegister & { importedBy: string | null }): Promise<void>;
  /** The last import (or the one named), without its entries. */
  findRegisterImport(id?: string): Promise<RegisterImport | undefined>;
  /** Every import, without its entries, the last first (the order of findRegisterImport). */
  listRegisterImports(): Promise<RegisterImport[]>;
  /** The entries named of the import named, picked out by the database (a register holds thousands). */
  listRegisterEntries(registerId: string, entryIds: readonly string[]): Promise<RegisterEntry[]>;
  /**
   * R-F5: up to `limit` files not yet screened against the import, locked; those another run holds
   * are skipped (two runs share the work).
   */
  claimFilesToScreen(registerId: string, limit: number): Promise<VigilanceFile[]>;
  /** The files screened against the import, and the matches found, added to its account. */
  markScreened(
    registerId: string,
    input: { engagementIds: readonly string[]; newMatches: number },
  ): Promise<void>;
  finishScreening(registerId: string, at: Date): Promise<void>;
  /** How many files the firm has, and how many are screened against the import. */
  screeningProgress(registerId: string): Promise<{ filesTotal: number; filesScreened: number }>;
  listMatches(filter?: { engagementId?: string; status?: MatchStatus }): Promise<ScreeningMatch[]>;
  /** R-F5: the open matches with their client's name and their file's identification (one query). */
  listOpenMatchesWithFile(): Promise<
    (ScreeningMatch & { companyName: string; identification: IdentificationFile | null })[]
  >;
  /** Inserts the matches not already known (same person, same entry); returns how many are new. */
  insertMatches(matches: ScreeningMatch[]): Promise<number>;
  findMatch(id: string, options?: { forUpdate?: boolean }): Promise<ScreeningMatch | undefined>;
  decideMatch(
    id: string,
    decision: { status: 'cleared' | 'confirmed'; decidedBy: string; decidedAt: Date; reason: string },
  ): Promise<ScreeningMatch | undefined>;
  insertReview(review: VigilanceReview): Promise<void>;
  insertReviews(reviews: readonly VigilanceReview[]): Promise<void>;
  /** R-F4: the due dates already reminded, for the engagements named. */
  listReminded(engagementIds: readonly string[]): Promise<{ engagementId: string; dueOn: string }[]>;
  /** R-F4: notes the reminder of one due date; false when another run already noted it. */
  insertReminder(reminder: {
    engagementId: string;
    dueOn: string;
    userId: string;
    mailId: string;
    remindedAt: Date;
  }): Promise<boolean>;
  /**
   * R-F7: removes the file's personal data (identification, assessment, approval, evidence, matches,
   * reviews, reminders, history) and keeps the tombstone on its row.
   */
  purgeFile(engagementId: string, tombstone: PurgeTombstone): Promise<VigilanceFile | undefined>;
  listOpenReviews(engagementId?: string): Promise<VigilanceReview[]>;
  completeReviews(engagementId: string, input: { by: string; at: Date }): Promise<number>;
};
