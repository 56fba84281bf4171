import { type Decimal, multiplyCents } from '../../shared/money.ts';
import { DOCUMENT_KIND_LABELS_FR } from '../kinds.ts';
import type { Block } from './blocks.ts';
import { changeTable } from './change-tables.ts';
import { legalClauses, paymentClauses } from './clauses.ts';
import {
  durationSection,
  notesBlock,
  partiesBlock,
  signatureBlock,
  termsAnnex,
  termsReference,
} from './common-sections.ts';
import { consumerPrices, withdrawalForm } from './consumer.ts';
import type { DocumentFacts } from './facts.ts';
import { billingNotes, feeTable, instalmentSchedule } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { processorAnnex } from './personal-data.ts';
import { formatDate, formatQuantity } from './wording.ts';

/**
 * A replacement letter names what it replaces and shows what changes against the scope in force:
 * each line before → after and the increase in percent, per line and in total.
 */
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What a replacement letter replaces, agreed with what the table lists: one letter, or several documents. */
const replacedWording = (replaced: readonly { kind: string }[]): string => {
  const letters = replaced.filter((doc) => doc.kind !== 'amendment').length;
  const amendments = replaced.length - letters;
  if (letters === 1)
    return amendments > 0 ? 'la lettre de mission et les avenants suivants' : 'la lettre de mission suivante';
  return amendments > 0
    ? 'les lettres de mission et les avenants suivants'
    : 'les lettres de mission suivantes';
};

const replacementSection = (facts: DocumentFacts): Block[] => {
  if (!facts.replacement) return [];
  const { replaced, summary } = facts.replacement;
  return [
    { type: 'heading', level: 2, text: 'Documents remplacés' },
    {
      type: 'paragraph',
      text: `À compter du ${formatDate(facts.effectiveDate)}, la présente lettre annule et remplace ${replacedWording(replaced)} :`,
    },
    {
      type: 'table',
      columns: [
        { header: 'Document', width: 0.45, align: 'left' },
        { header: 'Numéro', width: 0.3, align: 'left' },
        { header: 'Signé le', width: 0.25, align: 'left' },
      ],
      rows: replaced.map((doc) => ({
        cells: [capitalise(DOCUMENT_KIND_LABELS_FR[doc.kind]), doc.number ?? '—', formatDate(doc.signedOn)],
      })),
    },
    { type: 'heading', level: 2, text: 'Ce qui change' },
    changeTable(summary, { withUnchanged: true }),
    ...revaluationSentence(facts.replacement.coefficient ?? null),
  ];
};

/**
 * Issue 14, item 5: the coefficient of a replacement letter said in words, as an increase (or a
 * decrease) in percent: 1,0375 is « une revalorisation de 3,75 % ». Exact: a coefficient has at
 * most six decimals, so its percent has at most four.
 */
export const coefficientInWords = (coefficient: Decimal): string => {
  const millionths = multiplyCents(1_000_000, coefficient) - 1_000_000;
  const magnitude = Math.abs(millionths);
  const percent = formatQuantity(
    `${Math.floor(magnitude / 10_000)}.${String(magnitude % 10_000).padStart(4, '0')}`,
  );
  if (millionths === 0) return 'sans revalorisation';
  return millionths > 0 ? `une revalorisation de ${percent} %` : `une baisse de ${percent} %`;
};

const revaluationSentence = (coefficient: Decimal | null): Block[] =>
  coefficient
    ? [
        {
          type: 'paragraph',
          text: `Les prix des missions reconduites sont revalorisés par application d’un coefficient de ${formatQuantity(coefficient)}, soit ${coefficientInWords(coefficient)}.`,
        },
      ]
    : [];

export const letterBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  {
    type: 'paragraph',
    text: `La présente lettre de mission, établie conformément aux normes professionnelles de l’Ordre des experts-comptables, définit la nature et l’étendue ${facts.lines.length > 1 ? 'des missions confiées' : 'de la mission confiée'} au cabinet, les obligations de chacune des parties et les honoraires convenus.`,
  },
  ...replacementSection(facts),
  {
    type: 'heading',
    level: 2,
    text: facts.lines.length > 1 ? 'Objet et étendue des missions' : 'Objet et étendue de la mission',
  },
  ...missionChapters(facts.lines, true, facts.client),
  ...durationSection(facts),
  { type: 'heading', level: 2, text: 'Honoraires' },
  ...consumerPrices(facts),
  feeTable(facts),
  ...billingNotes(facts),
  ...instalmentSchedule(facts),
  ...paymentClauses(facts),
  ...legalClauses(facts),
  ...termsReference(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Signatures', 'Lu et approuvé, bon pour accord'),
  ...processorAnnex(facts),
  ...withdrawalForm(facts),
  ...termsAnnex(facts),
];
