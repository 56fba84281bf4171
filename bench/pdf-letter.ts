import type { DocumentFacts, LineFacts } from '../src/domain/documents/content/facts.ts';
import { computeTotals } from '../src/domain/documents/fees.ts';

/**
 * An engagement letter of four pages: the annual accounts mission with its task split, every clause
 * a business client's letter carries, terms of three articles in the annex.
 */

const NOT_AN_AUDIT =
  'Cette mission n’est ni un audit ni un examen limité des comptes : elle ne conduit pas à certifier les comptes et n’a pas pour objet de déceler les fraudes.';

const service = (label: string, overrides: Partial<LineFacts>): LineFacts => ({
  label,
  description: `${label} : travaux réalisés par le cabinet à partir des pièces transmises par le client.`,
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 20_000,
  vatRateBp: 2000,
  recurrence: 'monthly',
  professionalStandard: null,
  exclusions: NOT_AN_AUDIT,
  taskSplit: [
    { task: 'Transmission des pièces et informations', who: 'client', frequency: 'mensuelle, avant le 10' },
    { task: `${label} : travaux du cabinet`, who: 'firm', frequency: 'mensuelle' },
    { task: 'Validation des travaux', who: 'client', frequency: 'annuelle' },
  ],
  outsideScope: false,
  ...overrides,
});

const lines: LineFacts[] = [
  service('Révision et établissement des comptes annuels', {
    recurrence: 'yearly',
    unitPriceCents: 210_000,
    professionalStandard: 'Norme professionnelle de présentation des comptes annuels',
  }),
];

export const FOUR_PAGE_LETTER: DocumentFacts = {
  kind: 'engagement_letter',
  number: 'LM-2026-0001',
  issuedOn: '2026-11-29',
  firm: {
    name: 'Cabinet Dupré & Associés',
    legalForm: 'SAS d’expertise comptable au capital de 80 000 €',
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
    consumerMediator: null,
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
    activity: 'Boulangerie-pâtisserie artisanale',
    fiscalYearEnd: '12-31',
    clientCode: 'DUP00001',
  },
  clientSignatory: { name: 'M. Julien Martin', capacity: 'Gérant' },
  firmSignatory: { name: 'Claire Dupré', capacity: 'Expert-comptable associée' },
  lines,
  totals: computeTotals(lines),
  terms: {
    version: 2,
    title: 'Conditions générales d’intervention',
    body: [
      'Article 1 — Objet. Les présentes conditions générales régissent les missions confiées au cabinet.',
      'Article 2 — Obligations du client. Le client met à la disposition du cabinet les documents et informations nécessaires.',
      'Article 3 — Honoraires. Les honoraires sont révisables chaque année selon la clause convenue.',
    ].join('\n\n'),
    effectiveFrom: '2026-06-01',
  },
  effectiveDate: '2027-01-01',
  validUntil: null,
  durationMonths: 12,
  renewal: 'tacit',
  noticeMonths: 3,
  term: { periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' },
  paymentTerms:
    'Prélèvement le 5 de chaque mois des honoraires forfaitaires ; travaux ponctuels payables à 30 jours.',
  revisionClause: 'Les honoraires sont révisables au 1er janvier de chaque année selon l’indice Syntec.',
  notes: null,
  amendment: null,
  replacement: null,
};
