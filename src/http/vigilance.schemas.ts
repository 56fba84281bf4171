import { z } from 'zod';
import { EVIDENCE_CONTENT_TYPES } from '../domain/vigilance/evidence.ts';
import { CLIENT_TYPES, EVIDENCE_KINDS } from '../domain/vigilance/identification.ts';
import { RISK_LEVELS, VIGILANCE_LEVELS } from '../domain/vigilance/risk.ts';
import { MATCH_STATUSES } from '../domain/vigilance/vigilance-file.ts';
import {
  clearableText,
  flag,
  frenchObject,
  instantOut,
  isoDay,
  oneOf,
  text,
  versionField,
} from './fields.schemas.ts';
import { pageOf } from './responses.schemas.ts';

/** A field of a file being filled in: empty while unknown (the gate lists it). */
const draftText = (max: number) =>
  z
    .string({ error: 'Texte attendu.' })
    .trim()
    .max(max, { error: `Texte trop long : ${max} caractères au plus.` })
    .refine((v) => !v.includes('\u0000'), { error: 'Caractère nul interdit dans un texte.' });
const nullableText = (max: number) => clearableText(max).transform((v) => v ?? null);
const personId = z.string().trim().min(1).max(64);

const personIn = frenchObject({
  id: personId,
  lastName: draftText(200),
  firstNames: draftText(200),
  birthDate: isoDay.nullable(),
  birthPlace: nullableText(200),
  nationality: nullableText(100),
});

export const identificationBody = frenchObject({
  clientType: oneOf(CLIENT_TYPES),
  company: frenchObject({
    name: nullableText(300),
    legalForm: nullableText(100),
    siren: nullableText(20),
    registeredOffice: nullableText(500),
  }),
  person: personIn.nullable(),
  representatives: z.array(personIn.extend({ capacity: draftText(200) })).max(20),
  beneficialOwners: z
    .array(
      personIn.extend({
        sharePercent: z.number().min(0).max(100).nullable(),
        control: nullableText(500),
      }),
    )
    .max(20),
  noBeneficialOwnerOver25: flag,
  version: versionField.optional(),
});

const rating = frenchObject({ level: oneOf(RISK_LEVELS), reason: draftText(2000) });
export const assessmentBody = frenchObject({
  criteria: frenchObject({ client: rating, activity: rating, location: rating, missions: rating }),
  politicallyExposed: flag,
  neverMetInPerson: flag,
  highRiskCountry: flag,
  override: frenchObject({ level: oneOf(VIGILANCE_LEVELS), reason: draftText(2000) }).nullable(),
  notes: nullableText(5000),
});

export const approvalBody = frenchObject({ originOfFunds: text(2000) });
export const reviewBody = frenchObject({ note: nullableText(5000) });
export const matchDecisionBody = frenchObject({
  decision: oneOf(['cleared', 'confirmed'] as const),
  reason: text(2000),
});

export const evidenceBody = frenchObject({
  kind: oneOf(EVIDENCE_KINDS),
  personId: personId.nullable().default(null),
  documentNumber: nullableText(100),
  expiresOn: isoDay.nullable().default(null),
  fileName: text(200),
  contentType: oneOf(EVIDENCE_CONTENT_TYPES),
  base64: z
    .string()
    .max(7_000_000, { error: 'Le justificatif dépasse 5 Mo.' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'Justificatif invalide : contenu base64 attendu.' }),
  /** You checked the original yourself (R-F1: who checked it, and when). */
  checked: flag.default(true),
});

const months = z.number().int().min(1).max(60);
export const settingsBody = frenchObject({
  controlsEnabled: flag,
  periods: frenchObject({ enhanced: months, standard: months, simplified: months }),
});

/** The register as the Treasury publishes it (JSON): checked by the domain's reader. */
export const registerBody = z.record(z.string(), z.unknown());

const missingOut = z.array(z.object({ code: z.string(), message: z.string() }));
const personOut = z.object({
  id: z.string(),
  lastName: z.string(),
  firstNames: z.string(),
  birthDate: z.string().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string().nullable(),
});
const identificationOut = z.object({
  clientType: z.enum(CLIENT_TYPES),
  company: z.object({
    name: z.string().nullable(),
    legalForm: z.string().nullable(),
    siren: z.string().nullable(),
    registeredOffice: z.string().nullable(),
  }),
  person: personOut.nullable(),
  representatives: z.array(personOut.extend({ capacity: z.string() })),
  beneficialOwners: z.array(
    personOut.extend({ sharePercent: z.number().nullable(), control: z.string().nullable() }),
  ),
  noBeneficialOwnerOver25: z.boolean(),
});
const ratingOut = z.object({ level: z.enum(RISK_LEVELS), reason: z.string() });
const assessmentOut = z.object({
  criteria: z.object({ client: ratingOut, activity: ratingOut, location: ratingOut, missions: ratingOut }),
  politicallyExposed: z.boolean(),
  neverMetInPerson: z.boolean(),
  highRiskCountry: z.boolean(),
  override: z.object({ level: z.enum(VIGILANCE_LEVELS), reason: z.string() }).nullable(),
  notes: z
    .string()
    .nullable()
    .meta({ description: 'R-F6 : lisibles des seuls associés (null pour les autres).' }),
});

export const evidenceOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  personId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  expiresOn: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: instantOut,
  checkedBy: z.string().nullable(),
  checkedAt: instantOut.nullable(),
});

export const matchOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  personId: z.string(),
  personName: z.string(),
  entryId: z.string(),
  matchedName: z.string(),
  score: z.number(),
  birthDateAgrees: z.boolean().nullable(),
  /** The register entry's birth dates as it gives them (the month and day when known), to compare. */
  entryBirthDates: z.array(
    z.object({
      year: z.number().int(),
      month: z.number().int().nullable(),
      day: z.number().int().nullable(),
    }),
  ),
  status: z.enum(MATCH_STATUSES),
  foundAt: instantOut,
  decidedBy: z.string().nullable(),
  decidedAt: instantOut.nullable(),
  reason: z.string().nullable(),
});

const reviewOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  reason: z.enum(['periodic', 'amendment', 'replacement_letter']),
  dueOn: z.string(),
  documentId: z.string().nullable(),
  createdAt: instantOut,
  completedAt: instantOut.nullable(),
  completedBy: z.string().nullable(),
});

/** The file itself: what the gate and the history are about. */
const fileOut = z.object({
  engagementId: z.string(),
  identification: identificationOut.nullable(),
  assessment: assessmentOut.nullable(),
  assessmentVersion: z.number().int(),
  assessedBy: z.string().nullable(),
  assessedAt: instantOut.nullable(),
  level: z.enum(VIGILANCE_LEVELS).nullable(),
  computedLevel: z.enum(VIGILANCE_LEVELS).nullable(),
  approval: z
    .object({
      approvedBy: z.string(),
      approvedAt: z.string(),
      originOfFunds: z.string(),
      assessmentVersion: z.number(),
    })
    .nullable(),
  lastReviewedOn: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  relationshipEndedOn: z.string().nullable(),
  retentionEndsOn: z.string().nullable(),
  isPurgeable: z.boolean(),
  /** R-F7: the tombstone of a purge: the personal data is gone, who, when and why stays. */
  purgedAt: instantOut.nullable(),
  purgedBy: z.string().nullable(),
  purgeReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: instantOut,
});

/** The engagement's LCB-FT file with its evidence, matches, open reviews, history and the gate's list. */
export const vigilanceFileOut = z.object({
  file: fileOut,
  controlsEnabled: z.boolean(),
  blockers: missingOut,
  evidence: z.array(evidenceOut),
  matches: z.array(matchOut),
  reviews: z.array(reviewOut),
  history: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      userId: z.string().nullable(),
      at: instantOut,
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const settingsOut = z.object({
  controlsEnabled: z.boolean(),
  periods: z.object({ enhanced: z.number(), standard: z.number(), simplified: z.number() }),
  version: z.number().int(),
});

/**
 * R-F5: the register last imported and its screening of every file (job `vigilance.screen`): the
 * answer of the import (202) and of `GET /vigilance/register`.
 */
export const registerStateOut = z.object({
  lastImport: z
    .object({
      id: z.string(),
      publishedAt: z.string().nullable(),
      entryCount: z.number().int(),
      sha256: z.string(),
      importedAt: instantOut,
      importedBy: z.string().nullable(),
    })
    .nullable(),
  screening: z
    .object({
      status: z.enum(['running', 'done']),
      filesTotal: z.number().int(),
      filesScreened: z.number().int(),
      newMatches: z.number().int(),
      finishedAt: instantOut.nullable(),
    })
    .nullable(),
});

/** R-F7: the files whose five years of retention are over, for an associé to purge. */
export const purgeListOut = pageOf(
  z.object({
    engagementId: z.string(),
    companyName: z.string(),
    clientCode: z.string().nullable(),
    relationshipEndedOn: z.string(),
    retentionEndsOn: z.string(),
  }),
);

export const purgeBody = frenchObject({
  reason: text(2000),
});

/** R-F7: the tombstone a purge leaves. */
export const purgeOut = z.object({
  engagementId: z.string(),
  relationshipEndedOn: z.string().nullable(),
  purgedAt: instantOut,
  purgedBy: z.string(),
  purgeReason: z.string(),
});

/** What the document page shows before sending (R-F1, R-F3, R-F4, R-F5). */
export const documentVigilanceOut = z.object({
  applies: z.boolean(),
  ready: z.boolean(),
  missing: missingOut,
});

export const reviewsDueOut = pageOf(
  z.object({
    engagementId: z.string(),
    dueOn: z.string(),
    reason: z.enum(['periodic', 'amendment', 'replacement_letter']),
    isOverdue: z.boolean(),
  }),
);
/** R-F5: an open match with its client's name and the person's birth date in the file. */
export const openMatchesOut = pageOf(
  matchOut.extend({ companyName: z.string(), personBirthDate: z.string().nullable() }),
);
