import type { Evidence, IdentificationFile, NamedPerson } from '../../src/domain/vigilance/identification.ts';
import type { RiskAssessment } from '../../src/domain/vigilance/risk.ts';

/** A person complete for R-F1, overridable. */
export const aPerson = (overrides: Partial<NamedPerson> = {}): NamedPerson => ({
  id: 'p-1',
  lastName: 'Martin',
  firstNames: 'Paul',
  birthDate: '1975-04-12',
  birthPlace: 'Lyon',
  nationality: 'française',
  ...overrides,
});

/** A company's file complete for R-F1 (with `anEvidenceSet`): one representative, one owner. */
export const aCompanyFile = (overrides: Partial<IdentificationFile> = {}): IdentificationFile => ({
  clientType: 'company',
  company: {
    name: 'Boulangerie Martin',
    legalForm: 'SARL',
    siren: '123456782',
    registeredOffice: '12 rue Paul Bert, 69003 Lyon',
  },
  person: null,
  representatives: [{ ...aPerson(), capacity: 'Gérant' }],
  beneficialOwners: [{ ...aPerson(), sharePercent: 60, control: 'Détention du capital' }],
  noBeneficialOwnerOver25: false,
  ...overrides,
});

export const anEvidence = (overrides: Partial<Evidence> = {}): Evidence => ({
  id: 'e-1',
  kind: 'kbis',
  personId: null,
  documentNumber: null,
  expiresOn: null,
  checkedBy: 'u-1',
  checkedAt: new Date('2026-11-20T10:00:00.000Z'),
  ...overrides,
});

/** The evidence a company's file needs: Kbis, owners' register, the representative's identity card. */
export const anEvidenceSet = (personId = 'p-1'): Evidence[] => [
  anEvidence({ id: 'e-1', kind: 'kbis' }),
  anEvidence({ id: 'e-2', kind: 'beneficial_owners_register' }),
  anEvidence({
    id: 'e-3',
    kind: 'identity_document',
    personId,
    documentNumber: '12AB34567',
    expiresOn: '2030-01-01',
  }),
];

/** Low on every criterion, met in person: simplified vigilance (R-F2). */
export const anAssessment = (overrides: Partial<RiskAssessment> = {}): RiskAssessment => ({
  criteria: {
    client: { level: 'low', reason: 'Artisan connu localement' },
    activity: { level: 'low', reason: 'Commerce de détail alimentaire' },
    location: { level: 'low', reason: 'France' },
    missions: { level: 'low', reason: 'Tenue comptable' },
  },
  politicallyExposed: false,
  neverMetInPerson: false,
  highRiskCountry: false,
  override: null,
  notes: null,
  ...overrides,
});
