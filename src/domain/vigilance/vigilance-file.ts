import type { Company, Contact } from '../engagements/company.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { Approval } from './approval.ts';
import type { Evidence, IdentificationFile } from './identification.ts';
import type { ReviewPeriods } from './reviews.ts';
import type { RiskAssessment, VigilanceLevel } from './risk.ts';

/** The firm's LCB-FT settings: the gate's switch and the review periods (R-F4). */
export type VigilanceSettings = {
  readonly controlsEnabled: boolean;
  readonly periods: ReviewPeriods;
  readonly version: number;
};

/** An engagement's vigilance file as stored. */
export type VigilanceFile = {
  readonly engagementId: string;
  readonly identification: IdentificationFile | null;
  readonly assessment: RiskAssessment | null;
  /** Raised at each assessment: an approval names the version it approved (R-F3). */
  readonly assessmentVersion: number;
  readonly assessedBy: string | null;
  readonly assessedAt: Date | null;
  readonly level: VigilanceLevel | null;
  readonly approval: Approval | null;
  readonly lastReviewedOn: IsoDate | null;
  readonly nextReviewDue: IsoDate | null;
  /** R-F7: the last day of the relationship (its last letter's, once terminated); null while it goes on. */
  readonly relationshipEndedOn: IsoDate | null;
  /** R-F5: the register import the file was last screened against. */
  readonly screenedRegisterId: string | null;
  /** R-F7: the tombstone of a purge (the personal data removed): when, by whom, why. */
  readonly purgedAt: Date | null;
  readonly purgedBy: string | null;
  readonly purgeReason: string | null;
  readonly version: number;
  readonly updatedAt: Date;
};

export type StoredEvidence = Evidence & {
  readonly engagementId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
};

export const MATCH_STATUSES = ['open', 'cleared', 'confirmed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export type ScreeningMatch = {
  readonly id: string;
  readonly engagementId: string;
  readonly personId: string;
  readonly personName: string;
  readonly entryId: string;
  readonly matchedName: string;
  readonly score: number;
  readonly birthDateAgrees: boolean | null;
  readonly status: MatchStatus;
  readonly foundAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
};

/** R-F5: an open match blocks until cleared; a confirmed one for good (the client is frozen). */
export const isBlockingMatch = (match: Pick<ScreeningMatch, 'status'>): boolean => match.status !== 'cleared';

/** R-F1: the file starts from what the engagement already knows of its client. */
export const prefillIdentification = (company: Company, signatory: Contact | null): IdentificationFile => {
  const person = signatory && {
    id: signatory.id,
    lastName: signatory.lastName,
    firstNames: signatory.firstName,
    birthDate: null,
    birthPlace: null,
    nationality: null,
  };
  const office = [
    company.addressLine1,
    company.addressLine2,
    [company.postalCode, company.city].filter(Boolean).join(' '),
  ]
    .filter((part) => part && part.trim() !== '')
    .join(', ');
  return {
    clientType: company.isIndividual ? 'private_person' : 'company',
    company: {
      name: company.name,
      legalForm: company.legalForm,
      siren: company.siren,
      registeredOffice: office === '' ? null : office,
    },
    person: company.isIndividual ? person : null,
    representatives:
      !company.isIndividual && person ? [{ ...person, capacity: signatory.capacity ?? '' }] : [],
    beneficialOwners: [],
    noBeneficialOwnerOver25: false,
  };
};
