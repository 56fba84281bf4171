import type { FreezeRegister } from '../../domain/vigilance/freeze-register.ts';
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

/** LCB-FT files of one firm (R-F1 … R-F7). */
export type VigilanceRepository = {
  /** The firm's settings; the defaults (controls on, 12/24/36 months) when it never set them. */
  settings(): Promise<VigilanceSettings>;
  saveSettings(settings: Omit<VigilanceSettings, 'version'>, at: Date): Promise<VigilanceSettings>;
  /** forUpdate locks the file until commit (take the engagement's lock first when both are needed). */
  findFile(engagementId: string, options?: { forUpdate?: boolean }): Promise<VigilanceFile | undefined>;
  /** Inserts or replaces the file; its version is raised by one. */
  saveFile(file: Omit<VigilanceFile, 'version' | 'updatedAt'>, at: Date): Promise<VigilanceFile>;
  /** Every file of the firm (the register's re-screening, the reviews list). */
  listFiles(): Promise<VigilanceFile[]>;
  recordEvent(event: VigilanceFileEvent): Promise<void>;
  listEvents(engagementId: string): Promise<VigilanceFileEvent[]>;
  insertEvidence(evidence: StoredEvidence & { bytes: Uint8Array }): Promise<void>;
  listEvidence(engagementId: string): Promise<StoredEvidence[]>;
  findEvidenceFile(id: string): Promise<(StoredEvidence & { bytes: Uint8Array }) | undefined>;
  markEvidenceChecked(id: string, input: { by: string; at: Date }): Promise<StoredEvidence | undefined>;
  latestRegister(): Promise<StoredRegister | undefined>;
  insertRegister(register: StoredRegister & { importedBy: string | null }): Promise<void>;
  listMatches(filter?: { engagementId?: string; status?: MatchStatus }): Promise<ScreeningMatch[]>;
  /** Inserts the matches not already known (same person, same entry); returns how many are new. */
  insertMatches(matches: ScreeningMatch[]): Promise<number>;
  findMatch(id: string, options?: { forUpdate?: boolean }): Promise<ScreeningMatch | undefined>;
  decideMatch(
    id: string,
    decision: { status: 'cleared' | 'confirmed'; decidedBy: string; decidedAt: Date; reason: string },
  ): Promise<ScreeningMatch | undefined>;
  insertReview(review: VigilanceReview): Promise<void>;
  listOpenReviews(engagementId?: string): Promise<VigilanceReview[]>;
  completeReviews(engagementId: string, input: { by: string; at: Date }): Promise<number>;
};
