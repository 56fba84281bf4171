import { formatEuros } from '../../shared/format.ts';
import type { Block } from './blocks.ts';
import { changeTable } from './change-tables.ts';
import { paymentClauses } from './clauses.ts';
import { notesBlock, partiesBlock, signatureBlock } from './common-sections.ts';
import type { DocumentFacts } from './facts.ts';
import { feeTable, instalmentSchedule } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { formatDate, formatPercent } from './wording.ts';

/** Proposals, amendments and work orders: shorter documents, each with what its kind requires. */

const mediation = (facts: DocumentFacts): Block[] =>
  facts.client.isIndividual
    ? [
        { type: 'heading', level: 2, text: 'Médiation de la consommation' },
        {
          type: 'paragraph',
          text: `Le client peut recourir gratuitement au médiateur de la consommation dont relève le cabinet : ${facts.firm.consumerMediator ?? '—'}.`,
        },
      ]
    : [];

export const proposalBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  {
    type: 'paragraph',
    text: 'Suite à notre entretien, nous avons le plaisir de vous proposer les missions suivantes. Dès votre accord, une lettre de mission reprenant ces missions et leurs conditions vous sera adressée pour signature.',
  },
  { type: 'heading', level: 2, text: 'Missions proposées' },
  ...missionChapters(facts.lines, false),
  { type: 'heading', level: 2, text: 'Honoraires' },
  feeTable(facts),
  ...instalmentSchedule(facts),
  ...paymentClauses(facts),
  { type: 'heading', level: 2, text: 'Validité de l’offre' },
  {
    type: 'paragraph',
    text: `Cette offre est valable jusqu’au ${formatDate(facts.validUntil)} inclus.`,
    tone: 'strong',
  },
  ...mediation(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Acceptation de l’offre', 'Bon pour accord', {
    intro: `Pour accepter cette offre, le client la signe au plus tard le ${formatDate(facts.validUntil)}, précédée de la mention « Bon pour accord ».`,
  }),
];

export const amendmentBlocks = (facts: DocumentFacts): Block[] => {
  const amendment = facts.amendment;
  const summary = amendment?.summary;
  return [
    ...partiesBlock(facts),
    { type: 'heading', level: 2, text: 'Objet de l’avenant' },
    {
      type: 'paragraph',
      text: `Le présent avenant modifie la lettre de mission n° ${amendment?.letterNumber ?? '—'} signée le ${formatDate(amendment?.letterSignedOn ?? null)}, à compter du ${formatDate(facts.effectiveDate)}.`,
    },
    { type: 'heading', level: 2, text: 'Modifications' },
    ...(summary ? [changeTable(summary, { withUnchanged: false })] : []),
    ...(summary
      ? [
          {
            type: 'paragraph' as const,
            tone: 'strong' as const,
            text: `Nouveau total des honoraires annuels récurrents de la lettre : ${formatEuros(summary.annualAfterCents)} HT (${formatEuros(summary.annualBeforeCents)} HT auparavant, ${formatPercent(summary.percent)}), à compter du ${formatDate(facts.effectiveDate)}.`,
          },
        ]
      : []),
    {
      type: 'paragraph',
      text: 'Toutes les autres stipulations de la lettre de mission et de ses conditions générales demeurent inchangées.',
    },
    ...notesBlock(facts),
    signatureBlock(facts, 'Signatures', 'Lu et approuvé, bon pour accord'),
  ];
};

export const workOrderBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  {
    type: 'paragraph',
    text: `Le présent bon d’intervention porte sur les travaux ponctuels suivants, à réaliser à compter du ${formatDate(facts.effectiveDate)}. Il ne modifie pas les missions récurrentes en vigueur.`,
  },
  { type: 'heading', level: 2, text: 'Interventions' },
  ...missionChapters(facts.lines, false),
  { type: 'heading', level: 2, text: 'Honoraires' },
  feeTable(facts, { outsideScope: true }),
  {
    type: 'paragraph',
    tone: 'small',
    text: 'Hors forfait : intervention que les missions récurrentes en vigueur ne couvrent pas ; elle est facturée en sus des honoraires forfaitaires.',
  },
  ...paymentClauses(facts),
  ...mediation(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Signature', 'Bon pour accord'),
];
