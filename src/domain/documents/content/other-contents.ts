import { formatEuros } from '../../shared/format.ts';
import type { Block } from './blocks.ts';
import { changeTable } from './change-tables.ts';
import { consumerMediation, paymentClauses } from './clauses.ts';
import { notesBlock, partiesBlock, signatureBlock } from './common-sections.ts';
import type { DocumentFacts } from './facts.ts';
import { feeTable, instalmentSchedule } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { formatDate, formatPercent } from './wording.ts';

/** Proposals, amendments and work orders: shorter documents, each with what its kind requires. */

export const proposalBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  {
    type: 'paragraph',
    text: 'À la suite de notre entretien, nous avons le plaisir de vous proposer les missions suivantes. Dès votre accord, une lettre de mission reprenant ces missions et leurs conditions vous sera adressée pour signature.',
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
  ...consumerMediation(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Acceptation de l’offre', 'Bon pour accord', {
    intro: `Pour accepter cette offre, le client la signe au plus tard le ${formatDate(facts.validUntil)}, en faisant précéder sa signature de la mention « Bon pour accord ».`,
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
    text: 'Hors forfait : « Oui » lorsque les missions récurrentes en vigueur ne couvrent pas l’intervention, « Non » lorsqu’elle relève d’une mission en vigueur mais en dépasse le forfait. Dans les deux cas, les travaux du présent bon sont facturés en sus des honoraires forfaitaires.',
  },
  {
    type: 'paragraph',
    text: 'Ces travaux sont régis par la lettre de mission en vigueur et ses conditions générales, notamment pour la responsabilité, le secret professionnel, la lutte contre le blanchiment et les données personnelles.',
  },
  ...paymentClauses(facts),
  ...consumerMediation(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Signature', 'Bon pour accord'),
];
