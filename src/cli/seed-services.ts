import type { ServiceFields, TaskSplit } from '../application/records.ts';

export const PRESENTATION_STANDARD =
  'NP 2300 — norme professionnelle relative aux missions de présentation des comptes (Ordre des experts-comptables)';
export const NOT_AN_AUDIT =
  'Cette mission n’est ni un audit ni un examen limité des comptes : elle ne conduit pas à certifier les comptes et n’a pas pour objet de déceler les fraudes ou les actes illégaux, dont le cabinet vous informerait toutefois s’il en avait connaissance.';

export const split = (task: string, who: TaskSplit['who'], frequency: string): TaskSplit => ({
  task,
  who,
  frequency,
});

export type CatalogueItem = Omit<
  ServiceFields,
  'vatRateBp' | 'professionalStandard' | 'exclusions' | 'unitLabel'
> &
  Partial<Pick<ServiceFields, 'vatRateBp' | 'professionalStandard' | 'exclusions' | 'unitLabel'>>;

/** The accounting and tax part of the demo catalogue. */
export const ACCOUNTING_AND_TAX: CatalogueItem[] = [
  {
    code: 'COMPTA-TENUE',
    label: 'Tenue de la comptabilité',
    description: 'Saisie des pièces, rapprochements bancaires, lettrage des comptes de tiers.',
    domain: 'comptable',
    recurrence: 'monthly',
    pricingMode: 'fixed',
    priceCents: 19_000,
    exclusions: NOT_AN_AUDIT,
    taskSplit: [
      split(
        'Transmission des pièces d’achats, de ventes et des relevés bancaires',
        'client',
        'mensuelle, avant le 10',
      ),
      split('Saisie des pièces et rapprochement bancaire', 'firm', 'mensuelle'),
      split('Lettrage des comptes clients et fournisseurs', 'firm', 'mensuelle'),
    ],
  },
  {
    code: 'COMPTA-REVISION',
    label: 'Révision et établissement des comptes annuels',
    description: 'Contrôle des comptes, écritures d’inventaire, bilan, compte de résultat et annexe.',
    domain: 'comptable',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 180_000,
    professionalStandard: PRESENTATION_STANDARD,
    exclusions: NOT_AN_AUDIT,
    taskSplit: [
      split('Inventaire des stocks et état des créances douteuses', 'client', 'annuelle, à la clôture'),
      split('Contrôle des comptes et écritures d’inventaire', 'firm', 'annuelle'),
      split('Établissement du bilan, du compte de résultat et de l’annexe', 'firm', 'annuelle'),
      split('Approbation des comptes annuels', 'client', 'annuelle, dans les six mois de la clôture'),
    ],
  },
  {
    code: 'COMPTA-SITUATION',
    label: 'Situation intermédiaire',
    description: 'Compte de résultat et bilan simplifié en cours d’exercice, commentés avec le dirigeant.',
    domain: 'comptable',
    recurrence: 'quarterly',
    pricingMode: 'fixed',
    priceCents: 45_000,
    exclusions: NOT_AN_AUDIT,
    taskSplit: [
      split('Transmission de l’état des stocks et des encours', 'client', 'trimestrielle'),
      split('Établissement et commentaire de la situation', 'firm', 'trimestrielle'),
    ],
  },
  {
    code: 'COMPTA-SCI',
    label: 'Comptabilité et comptes annuels de SCI',
    description: 'Tenue, comptes annuels et déclaration 2072 d’une société civile immobilière.',
    domain: 'comptable',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 95_000,
    professionalStandard: PRESENTATION_STANDARD,
    exclusions: NOT_AN_AUDIT,
    taskSplit: [
      split('Transmission des quittances, baux et relevés bancaires', 'client', 'annuelle'),
      split('Comptes annuels et déclaration 2072', 'firm', 'annuelle'),
    ],
  },
  {
    code: 'FISCAL-LIASSE',
    exclusions:
      'La mission ne comprend ni l’assistance lors d’un contrôle fiscal, ni les déclarations de revenus personnelles des dirigeants, ni les demandes de rescrit, facturées à part.',
    label: 'Liasse fiscale et déclarations annuelles',
    description: 'Liasse fiscale, relevé de solde d’impôt sur les sociétés, DAS2.',
    domain: 'fiscal',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 60_000,
    taskSplit: [
      split('Établissement et télétransmission de la liasse', 'firm', 'annuelle'),
      split('Paiement des soldes d’impôt', 'client', 'aux échéances'),
    ],
  },
  {
    code: 'FISCAL-TVA-CA3',
    exclusions:
      'La mission ne comprend ni l’analyse des opérations internationales ou des régimes spéciaux de TVA, ni les demandes de remboursement de crédit de TVA, facturées à part.',
    label: 'Déclaration de TVA (CA3)',
    description: 'Déclaration mensuelle ou trimestrielle de TVA et télépaiement.',
    domain: 'fiscal',
    recurrence: 'monthly',
    pricingMode: 'unit',
    unitLabel: 'déclaration',
    priceCents: 5_500,
    taskSplit: [
      split('Transmission des pièces du mois', 'client', 'mensuelle, avant le 10'),
      split('Établissement et télétransmission de la CA3', 'firm', 'mensuelle'),
    ],
  },
  {
    code: 'FISCAL-TVA-CA12',
    exclusions:
      'La mission ne comprend ni l’analyse des opérations internationales ou des régimes spéciaux de TVA, ni les demandes de remboursement de crédit de TVA, facturées à part.',
    label: 'Déclaration de TVA annuelle (CA12)',
    description: 'Régime simplifié : déclaration annuelle et calcul des acomptes.',
    domain: 'fiscal',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 22_000,
    taskSplit: [split('Établissement et télétransmission de la CA12', 'firm', 'annuelle')],
  },
  {
    code: 'FISCAL-CFE-CVAE',
    exclusions: 'La mission ne comprend ni les réclamations contentieuses ni les demandes de dégrèvement.',
    label: 'Déclarations CFE, CVAE et DECLOYER',
    description: 'Déclarations locales annuelles (1447, 1330-CVAE, déclaration des loyers).',
    domain: 'fiscal',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 15_000,
    taskSplit: [split('Établissement des déclarations', 'firm', 'annuelle')],
  },
  {
    code: 'FISCAL-LMNP',
    exclusions:
      'La mission ne comprend ni la déclaration de revenus du foyer fiscal, ni le conseil patrimonial.',
    label: 'Déclaration de revenus de location meublée (LMNP)',
    description: 'Liasse 2031, amortissements et report sur la déclaration 2042-C-PRO.',
    domain: 'fiscal',
    recurrence: 'yearly',
    pricingMode: 'fixed',
    priceCents: 65_000,
    taskSplit: [
      split('Transmission des loyers encaissés et des factures de charges', 'client', 'annuelle, en janvier'),
      split('Liasse 2031 et tableau des amortissements', 'firm', 'annuelle'),
    ],
  },
];
