import { formatEuros } from '../../shared/format.ts';
import { DEFAULT_PAYMENT_TERMS } from '../defaults.ts';
import type { Block } from './blocks.ts';
import { consumerMediation, LATE_PAYMENT_BUSINESS, LATE_PAYMENT_CONSUMER } from './clauses.ts';
import { notesBlock, partiesBlock, signatureBlock } from './common-sections.ts';
import { consumerPrices, withdrawalForm, withdrawalSection } from './consumer.ts';
import { namedStandard } from './deliverables.ts';
import type { DocumentFacts } from './facts.ts';
import { billingNotes, feeTable } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { workOrderCompletion, workOrderStart } from './planned-dates.ts';
import { formatDate } from './wording.ts';

/**
 * A work order (issue 14, item 11) says when its one-off work starts and is planned to be done, how
 * it is paid (invoiced when done, payable at 30 days, as the default terms say), and for an
 * attestation, the standard it follows and to whom it is addressed.
 */

const heading = (text: string): Block => ({ type: 'heading', level: 2, text });
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

/** NP 3100: an attestation names its standard and its addressee. */
const attestations = (facts: DocumentFacts): Block[] => {
  const lines = facts.lines.filter((line) => namedStandard(line)?.startsWith('NP 3100'));
  if (lines.length === 0) return [];
  return [
    heading('Attestations'),
    ...lines.map(
      (line): Block => ({
        type: 'fields',
        rows: [
          ['Attestation', line.label],
          // The standard is named once, in the intervention above; here, who receives the attestation.
          [
            'Destinataire',
            `${facts.client.name}, qui la remet au tiers auquel elle est destinée, pour l’usage précisé dans sa demande ; elle ne peut servir à un autre usage.`,
          ],
        ],
      }),
    ),
  ];
};

/** One-off work is invoiced when done and payable at 30 days; terms the firm wrote are kept as agreed. */
const payment = (facts: DocumentFacts): Block[] => [
  heading('Modalités de paiement'),
  paragraph(
    `Les travaux du présent bon, soit ${formatEuros(facts.totals.totalHtCents)} HT (${formatEuros(facts.totals.totalTtcCents)} TTC), sont facturés à leur achèvement, prévu au plus tard le ${formatDate(workOrderCompletion(facts))}, et payables à 30 jours à compter de la date de la facture, par virement.`,
  ),
  ...(facts.paymentTerms && facts.paymentTerms.trim() !== '' && facts.paymentTerms !== DEFAULT_PAYMENT_TERMS
    ? [paragraph(`Conditions particulières convenues : ${facts.paymentTerms}`)]
    : []),
  paragraph(facts.client.isIndividual ? LATE_PAYMENT_CONSUMER : LATE_PAYMENT_BUSINESS),
];

export const workOrderBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  paragraph(
    `Le présent bon d’intervention porte sur les travaux ponctuels suivants. Il ne modifie pas les missions récurrentes en vigueur.`,
  ),
  {
    type: 'fields',
    rows: [
      ['Début des travaux', formatDate(workOrderStart(facts))],
      [
        'Achèvement prévu',
        `au plus tard le ${formatDate(workOrderCompletion(facts))}, sous réserve de la remise des éléments nécessaires`,
      ],
    ],
  },
  heading('Interventions'),
  ...missionChapters(facts.lines, false, facts.client),
  ...attestations(facts),
  heading('Honoraires'),
  ...consumerPrices(facts),
  feeTable(facts, { outsideScope: true }),
  ...billingNotes(facts),
  {
    type: 'paragraph',
    tone: 'small',
    text: 'Hors forfait : « Oui » lorsque les missions récurrentes en vigueur ne couvrent pas l’intervention, « Non » lorsqu’elle relève d’une mission en vigueur mais en dépasse le forfait. Dans les deux cas, les travaux du présent bon sont facturés en sus des honoraires forfaitaires.',
  },
  paragraph(
    'Ces travaux sont régis par la lettre de mission en vigueur et ses conditions générales, notamment pour la responsabilité, le secret professionnel, la lutte contre le blanchiment et les données personnelles.',
  ),
  ...payment(facts),
  ...withdrawalSection(facts),
  ...consumerMediation(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Signature', 'Bon pour accord'),
  ...withdrawalForm(facts),
];
