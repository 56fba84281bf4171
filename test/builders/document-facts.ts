import type { DocumentFacts, LineFacts } from '../../src/domain/documents/content/facts.ts';
import { computeTotals } from '../../src/domain/documents/fees.ts';
import { DOCUMENT_TITLES } from '../../src/domain/documents/kinds.ts';

/** A line as a letter prints it: described, with its limits and its task split. */
export const aLineFacts = (overrides: Partial<LineFacts> = {}): LineFacts => ({
  label: 'Révision et établissement des comptes annuels',
  description: 'Contrôle des comptes, bilan, compte de résultat et annexe.',
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 120_000,
  vatRateBp: 2000,
  recurrence: 'yearly',
  professionalStandard: 'Norme professionnelle de présentation des comptes annuels',
  exclusions: 'Cette mission n’est ni un audit ni un examen limité des comptes.',
  taskSplit: [{ task: 'Établissement du bilan', who: 'firm', frequency: 'annuelle' }],
  outsideScope: false,
  ...overrides,
});

/** The facts of a complete engagement letter of a business client; override what a test varies. */
export const aDocumentFacts = (overrides: Partial<DocumentFacts> = {}): DocumentFacts => {
  const lines = overrides.lines ?? [aLineFacts()];
  return {
    kind: 'engagement_letter',
    title: DOCUMENT_TITLES[overrides.kind ?? 'engagement_letter'],
    number: 'LM-2026-0001',
    issuedOn: '2026-11-29',
    firm: {
      name: 'Cabinet Dupré & Associés',
      legalForm: 'SAS d’expertise comptable',
      addressLine1: '24 rue de la République',
      addressLine2: null,
      postalCode: '69002',
      city: 'Lyon',
      phone: '04 78 42 17 30',
      email: 'contact@cabinet-dupre.fr',
      siren: '812345676',
      rcs: 'Lyon 812 345 676',
      vatNumber: 'FR19812345676',
      ordreCouncil: 'Conseil régional Auvergne-Rhône-Alpes',
      insurer: 'MMA IARD',
      insuranceCoverage: '1 500 000 € par sinistre',
      consumerMediator: 'CNPM Médiation Consommation',
    },
    client: {
      name: 'Boulangerie Martin',
      isIndividual: false,
      legalForm: 'SARL',
      siren: '442135877',
      addressLine1: '12 rue Paul Bert',
      addressLine2: null,
      postalCode: '69003',
      city: 'Lyon',
      activity: 'Boulangerie-pâtisserie',
      fiscalYearEnd: '12-31',
      clientCode: 'DUP00001',
    },
    clientSignatory: { name: 'Julien Martin', capacity: 'Gérant' },
    firmSignatory: { name: 'Claire Dupré', capacity: 'Experte-comptable associée' },
    lines,
    totals: computeTotals(lines),
    terms: {
      version: 2,
      title: 'Conditions générales',
      body: 'Article 1.\n\nArticle 2.',
      effectiveFrom: '2026-06-01',
    },
    effectiveDate: '2027-01-01',
    validUntil: null,
    durationMonths: 12,
    renewal: 'tacit',
    noticeMonths: 3,
    term: { periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' },
    paymentTerms: 'Prélèvement le 5 de chaque mois.',
    revisionClause: null,
    notes: null,
    amendment: null,
    replacement: null,
    ...overrides,
  };
};
