import type { Block } from './blocks.ts';
import { consumerMediation, paymentClauses } from './clauses.ts';
import { notesBlock, partiesBlock, signatureBlock, termsAnnex } from './common-sections.ts';
import { consumerPrices, withdrawalForm, withdrawalSection } from './consumer.ts';
import type { DocumentFacts } from './facts.ts';
import { billingNotes, feeTable, instalmentSchedule } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { proposalPersonalData } from './personal-data.ts';
import { proposalPlannedStart } from './planned-dates.ts';
import { isElectronicFlow } from './signing-flow.ts';
import { formatDate } from './wording.ts';

/**
 * A proposal (issue 14, item 10) starts the relationship: before any contract it says which general
 * terms (and version) the letter will carry, the identification the firm must complete first
 * (LCB-FT, R-F1), how personal data are handled, and when the missions would start; its schedule
 * begins on that date, and it names the last day to sign, as the signing mail does.
 */

const heading = (text: string): Block => ({ type: 'heading', level: 2, text });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

const EVIDENCE_COMPANY =
  'un extrait d’immatriculation (Kbis) de moins de trois mois, une pièce d’identité en cours de validité de son représentant légal et l’extrait du registre des bénéficiaires effectifs';
const EVIDENCE_PERSON = 'une pièce d’identité en cours de validité (nom, prénoms, date et lieu de naissance)';

/** R-F1: identification comes before the contract; the proposal says so, and what to provide. */
export const identificationNotice = (facts: DocumentFacts): Block[] => [
  heading('Identification du client (lutte contre le blanchiment)'),
  paragraph(
    `Avant de conclure la lettre de mission, le cabinet est tenu d’identifier le client${facts.client.isIndividual ? '' : ' et ses bénéficiaires effectifs'} et de vérifier ces éléments sur justificatifs (articles L. 561-5 et suivants du Code monétaire et financier) : le client lui remet à cet effet ${facts.client.isIndividual ? EVIDENCE_PERSON : EVIDENCE_COMPANY}. La lettre de mission n’est adressée qu’une fois ces justificatifs reçus et vérifiés ; à défaut, la relation d’affaires ne peut pas commencer (article L. 561-8).`,
  ),
];

const termsNotice = (facts: DocumentFacts): Block[] =>
  facts.terms
    ? [
        heading('Conditions générales'),
        paragraph(
          `Les missions proposées sont régies par les conditions générales du cabinet, version ${facts.terms.version} en vigueur depuis le ${formatDate(facts.terms.effectiveFrom)} (« ${facts.terms.title} »), jointes à la présente offre ; la lettre de mission les reprendra. En cas de contradiction, la lettre de mission prévaut.`,
        ),
      ]
    : [];

const acceptance = (facts: DocumentFacts): string =>
  isElectronicFlow(facts)
    ? `Pour accepter cette offre, le client la signe électroniquement au plus tard le ${formatDate(facts.validUntil)}, au moyen du lien personnel qui lui est adressé par courriel.`
    : `Pour accepter cette offre, le client la signe au plus tard le ${formatDate(facts.validUntil)}, en faisant précéder sa signature de la mention « Bon pour accord ».`;

export const proposalBlocks = (facts: DocumentFacts): Block[] => {
  const start = proposalPlannedStart(facts);
  return [
    ...partiesBlock(facts),
    paragraph(
      'À la suite de l’entretien du client avec le cabinet, celui-ci a le plaisir de lui proposer les missions suivantes. Dès l’accord du client, et une fois son identification achevée, une lettre de mission reprenant ces missions et leurs conditions lui sera adressée pour signature.',
    ),
    heading('Missions proposées'),
    ...missionChapters(facts.lines, false, facts.client),
    {
      type: 'fields',
      rows: [['Date de début prévue', `${formatDate(start)} (la lettre de mission fixe la date d’effet)`]],
    },
    heading('Honoraires'),
    ...consumerPrices(facts),
    feeTable(facts),
    ...billingNotes(facts),
    // The schedule of the missions as planned: it begins on the planned start date.
    ...instalmentSchedule({ ...facts, effectiveDate: start }),
    ...paymentClauses(facts),
    ...identificationNotice(facts),
    ...termsNotice(facts),
    ...proposalPersonalData(facts),
    ...withdrawalSection(facts),
    heading('Validité de l’offre'),
    {
      type: 'paragraph',
      text: `Cette offre est valable jusqu’au ${formatDate(facts.validUntil)} inclus. C’est le dernier jour pour la signer.`,
      tone: 'strong',
    },
    ...consumerMediation(facts),
    ...notesBlock(facts),
    signatureBlock(facts, 'Acceptation de l’offre', 'Bon pour accord', { intro: acceptance(facts) }),
    ...withdrawalForm(facts),
    ...termsAnnex(facts),
  ];
};
