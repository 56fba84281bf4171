import type { MissingItem } from '../documents/completeness.ts';
import type { IsoDate } from '../shared/dates.ts';

/** A named person of the file: representative, beneficial owner or the private client. */
export type NamedPerson = {
  readonly id: string;
  readonly lastName: string;
  readonly firstNames: string;
  readonly birthDate: IsoDate | null;
  readonly birthPlace: string | null;
  readonly nationality: string | null;
};

export type LegalRepresentative = NamedPerson & { readonly capacity: string };

/** R-F1: more than 25 % of capital or votes, or control by other means. */
export type BeneficialOwner = NamedPerson & {
  readonly sharePercent: number | null;
  readonly control: string | null;
};

export const EVIDENCE_KINDS = [
  'kbis',
  'beneficial_owners_register',
  'identity_document',
  'proof_of_address',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** An evidence document: what it is, its number and expiry, who checked it and when. */
export type Evidence = {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** For an identity document: the person it identifies. */
  readonly personId: string | null;
  readonly documentNumber: string | null;
  readonly expiresOn: IsoDate | null;
  readonly checkedBy: string | null;
  readonly checkedAt: Date | null;
};

export const CLIENT_TYPES = ['company', 'private_person'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export type IdentificationFile = {
  readonly clientType: ClientType;
  readonly company: {
    readonly name: string | null;
    readonly legalForm: string | null;
    readonly siren: string | null;
    readonly registeredOffice: string | null;
  };
  /** The private client (clientType private_person). */
  readonly person: NamedPerson | null;
  readonly representatives: LegalRepresentative[];
  readonly beneficialOwners: BeneficialOwner[];
  /** R-F1: the recorded statement that no one exceeds 25 %: the representative stands as owner. */
  readonly noBeneficialOwnerOver25: boolean;
};

const blank = (value: string | null | undefined): boolean => !value || value.trim() === '';
type Check = readonly [code: string, isMissing: boolean, message: string];
const fullName = (p: NamedPerson): string => `${p.firstNames} ${p.lastName}`.trim() || 'sans nom';

const personChecks = (prefix: string, label: string, p: NamedPerson, withNationality: boolean): Check[] => [
  [`${prefix}.name`, blank(p.lastName) || blank(p.firstNames), `${label} : nom et prénoms manquants`],
  [`${prefix}.birthDate`, p.birthDate === null, `${label} : date de naissance manquante`],
  [`${prefix}.birthPlace`, blank(p.birthPlace), `${label} : lieu de naissance manquant`],
  [`${prefix}.nationality`, withNationality && blank(p.nationality), `${label} : nationalité manquante`],
];

const ownerChecks = (o: BeneficialOwner, i: number): Check[] => {
  const label = `Bénéficiaire effectif ${fullName(o)}`;
  return [
    ...personChecks(`beneficialOwners.${i}`, label, o, true),
    [
      `beneficialOwners.${i}.control`,
      o.sharePercent === null && blank(o.control),
      `${label} : part détenue ou nature du contrôle manquante`,
    ],
  ];
};

const companyChecks = (file: IdentificationFile): Check[] => {
  const { company } = file;
  const owners = file.beneficialOwners;
  return [
    ['company.name', blank(company.name), 'Dénomination de la société manquante'],
    ['company.legalForm', blank(company.legalForm), 'Forme juridique de la société manquante'],
    ['company.siren', blank(company.siren), 'SIREN de la société manquant'],
    ['company.registeredOffice', blank(company.registeredOffice), 'Siège social de la société manquant'],
    ['representatives', file.representatives.length === 0, 'Aucun représentant légal identifié'],
    ...file.representatives.flatMap((r, i) => [
      ...personChecks(`representatives.${i}`, `Représentant légal ${fullName(r)}`, r, false),
      [
        `representatives.${i}.capacity`,
        blank(r.capacity),
        `Représentant légal ${fullName(r)} : qualité manquante`,
      ] as const,
    ]),
    [
      'beneficialOwners',
      owners.length === 0 && !file.noBeneficialOwnerOver25,
      'Bénéficiaires effectifs non identifiés (ou déclaration qu’aucune personne ne dépasse 25 % non enregistrée)',
    ],
    ...owners.flatMap(ownerChecks),
  ];
};

const checkedOf = (e: Evidence): boolean => e.checkedBy !== null && e.checkedAt !== null;

/** An identity document counts once it has its number, is checked and has not expired. */
const identityChecks = (person: NamedPerson, evidence: readonly Evidence[], today: IsoDate): Check[] => {
  const docs = evidence.filter((e) => e.kind === 'identity_document' && e.personId === person.id);
  const valid = docs.filter((e) => !blank(e.documentNumber) && e.expiresOn !== null && e.expiresOn >= today);
  const label = `Pièce d’identité de ${fullName(person)}`;
  return [
    [`evidence.identity.${person.id}`, docs.length === 0, `${label} non déposée`],
    [
      `evidence.identity.${person.id}.valid`,
      docs.length > 0 && valid.length === 0,
      `${label} : numéro ou date d’expiration manquant, ou pièce expirée`,
    ],
    [
      `evidence.identity.${person.id}.checked`,
      valid.length > 0 && !valid.some(checkedOf),
      `${label} : vérification (par qui, quand) non enregistrée`,
    ],
  ];
};

const evidenceChecks = (file: IdentificationFile, evidence: readonly Evidence[], today: IsoDate): Check[] => {
  const checkedKind = (kind: EvidenceKind) => evidence.some((e) => e.kind === kind && checkedOf(e));
  if (file.clientType === 'private_person') {
    return file.person ? identityChecks(file.person, evidence, today) : [];
  }
  return [
    ['evidence.kbis', !checkedKind('kbis'), 'Extrait Kbis non déposé ou non vérifié'],
    [
      'evidence.beneficialOwnersRegister',
      !checkedKind('beneficial_owners_register'),
      'Extrait du registre des bénéficiaires effectifs non déposé ou non vérifié',
    ],
    ...file.representatives.flatMap((r) => identityChecks(r, evidence, today)),
  ];
};

/**
 * R-F1: everything the identification file still lacks, in French, in the order of the form; empty
 * when the file is complete. `today` decides whether an identity document has expired.
 */
export const missingIdentification = (
  file: IdentificationFile,
  evidence: readonly Evidence[],
  today: IsoDate,
): MissingItem[] => {
  const identity: Check[] =
    file.clientType === 'company'
      ? companyChecks(file)
      : file.person
        ? personChecks('person', 'Client', file.person, false)
        : [['person', true, 'Client particulier non identifié (nom, prénoms, naissance)']];
  return [...identity, ...evidenceChecks(file, evidence, today)]
    .filter(([, isMissing]) => isMissing)
    .map(([code, , message]) => ({ code, message }));
};

/** R-F5: the people the file names, each screened against the asset-freeze register. */
export const namedPersons = (file: IdentificationFile): NamedPerson[] =>
  file.clientType === 'private_person'
    ? file.person
      ? [file.person]
      : []
    : [...file.representatives, ...file.beneficialOwners];
