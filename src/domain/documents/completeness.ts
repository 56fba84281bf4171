import type { DocumentFacts, LineFacts } from './content/facts.ts';
import { isLetterKind, kindPolicy } from './kinds.ts';
import { REQUIRED_SIGNATURES } from './signatures.ts';

/**
 * DOMAIN.md "What a letter must contain": a document cannot be sent while a mandatory item is
 * missing, and the refusal names every one of them, in French, so the firm knows what to fill in.
 */
export type MissingItem = { readonly code: string; readonly message: string };

const blank = (value: string | null | undefined): boolean => !value || value.trim() === '';

type Check = readonly [code: string, isMissing: boolean, message: string];

/** The firm's identity heads every document: the Ordre's rules apply to all five kinds. */
const firmChecks = ({ firm, client }: DocumentFacts): Check[] => [
  ['firm.legalForm', blank(firm.legalForm), 'Forme juridique du cabinet manquante'],
  [
    'firm.address',
    blank(firm.addressLine1) || blank(firm.postalCode) || blank(firm.city),
    'Adresse du cabinet incomplète',
  ],
  ['firm.phone', blank(firm.phone), 'Téléphone du cabinet manquant'],
  ['firm.email', blank(firm.email), 'Adresse e-mail du cabinet manquante'],
  ['firm.rcs', blank(firm.rcs), 'Numéro RCS du cabinet manquant'],
  ['firm.vatNumber', blank(firm.vatNumber), 'Numéro de TVA intracommunautaire du cabinet manquant'],
  ['firm.ordreCouncil', blank(firm.ordreCouncil), 'Conseil régional de l’Ordre du cabinet non renseigné'],
  [
    'firm.insurer',
    blank(firm.insurer),
    'Assureur de responsabilité civile professionnelle du cabinet non renseigné',
  ],
  [
    'firm.insuranceCoverage',
    blank(firm.insuranceCoverage),
    'Garantie de l’assurance professionnelle du cabinet non renseignée',
  ],
  [
    'firm.consumerMediator',
    client.isIndividual && blank(firm.consumerMediator),
    'Médiateur de la consommation du cabinet non renseigné (client particulier)',
  ],
];

const clientChecks = (facts: DocumentFacts): Check[] => {
  const { client, clientSignatory } = facts;
  const business = !client.isIndividual;
  return [
    ['client.legalForm', business && blank(client.legalForm), 'Forme juridique du client manquante'],
    ['client.siren', business && blank(client.siren), 'SIREN du client manquant'],
    [
      'client.address',
      blank(client.addressLine1) || blank(client.postalCode) || blank(client.city),
      'Adresse du client incomplète',
    ],
    [
      'client.activity',
      isLetterKind(facts.kind) && blank(client.activity),
      'Activité du client non renseignée',
    ],
    ['client.signatory', clientSignatory === null, 'Signataire du client non renseigné'],
    [
      'client.signatoryCapacity',
      business && clientSignatory !== null && blank(clientSignatory.capacity),
      'Qualité du signataire du client non renseignée',
    ],
    [
      'firm.signatory',
      REQUIRED_SIGNATURES[facts.kind].includes('firm') && facts.firmSignatory === null,
      'Aucun associé actif ne peut signer pour le cabinet',
    ],
  ];
};

/** Letters describe each service; a proposal at least says what each one is. */
const lineChecks = (facts: DocumentFacts, line: LineFacts, index: number): Check[] => {
  const name = `Mission « ${line.label} »`;
  const describes = isLetterKind(facts.kind) || facts.kind === 'proposal';
  const details = isLetterKind(facts.kind) && line.recurrence !== 'one_off';
  return [
    [
      `lines.${index}.description`,
      describes && blank(line.description),
      `${name} : nature et étendue non décrites`,
    ],
    [
      `lines.${index}.exclusions`,
      details && blank(line.exclusions),
      `${name} : limites de la mission (ce qu’elle ne comprend pas) non précisées`,
    ],
    [
      `lines.${index}.taskSplit`,
      details && line.taskSplit.length === 0,
      `${name} : répartition des tâches entre le cabinet et le client non renseignée`,
    ],
  ];
};

const documentChecks = (facts: DocumentFacts): Check[] => {
  const letter = isLetterKind(facts.kind);
  // R-G1: a letter of termination has no lines, terms or payment terms of its own: its termination.
  const ofTermination = kindPolicy(facts.kind).drawnFromTermination;
  return [
    ['document.lines', !ofTermination && facts.lines.length === 0, 'Aucune mission dans le document'],
    [
      'document.validUntil',
      facts.kind === 'proposal' && facts.validUntil === null,
      'Date de validité de l’offre manquante',
    ],
    [
      'document.effectiveDate',
      facts.kind !== 'proposal' && !ofTermination && facts.effectiveDate === null,
      'Date d’effet manquante',
    ],
    [
      'document.paymentTerms',
      facts.kind !== 'amendment' && !ofTermination && blank(facts.paymentTerms),
      'Modalités de paiement non renseignées',
    ],
    [
      'document.terms',
      letter && facts.terms === null,
      'Conditions générales non jointes (aucune version choisie)',
    ],
    [
      'document.amendedLetter',
      facts.kind === 'amendment' && facts.amendment?.letterNumber == null,
      'Lettre de mission amendée introuvable',
    ],
    [
      'document.termination',
      ofTermination && !facts.termination,
      'Fin de mission introuvable : la lettre de fin de mission se prépare depuis la résiliation',
    ],
  ];
};

/** Every mandatory item the document lacks, in the order of the document; empty when complete. */
export const missingItems = (facts: DocumentFacts): MissingItem[] =>
  [
    ...firmChecks(facts),
    ...clientChecks(facts),
    ...facts.lines.flatMap((line, index) => lineChecks(facts, line, index)),
    ...documentChecks(facts),
  ]
    .filter(([, isMissing]) => isMissing)
    .map(([code, , message]) => ({ code, message }));
