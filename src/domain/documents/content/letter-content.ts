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
import type { DocumentFacts } from './facts.ts';
import { feeTable, instalmentSchedule } from './fee-tables.ts';
import { missionChapters } from './mission-chapters.ts';
import { formatDate } from './wording.ts';

/**
 * A replacement letter names what it replaces and shows what changes against the scope in force:
 * each line before → after and the increase in percent, per line and in total.
 */
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const replacementSection = (facts: DocumentFacts): Block[] => {
  if (!facts.replacement) return [];
  const { replaced, summary } = facts.replacement;
  return [
    { type: 'heading', level: 2, text: 'Documents remplacés' },
    {
      type: 'paragraph',
      text: `À compter du ${formatDate(facts.effectiveDate)}, la présente lettre annule et remplace les lettres de mission suivantes et leurs avenants :`,
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
  ];
};

export const letterBlocks = (facts: DocumentFacts): Block[] => [
  ...partiesBlock(facts),
  {
    type: 'paragraph',
    text: 'La présente lettre de mission, établie conformément aux normes professionnelles de l’Ordre des experts-comptables, définit la nature et l’étendue de la mission confiée au cabinet, les obligations de chacune des parties et les honoraires convenus.',
  },
  ...replacementSection(facts),
  { type: 'heading', level: 2, text: 'Objet et étendue de la mission' },
  ...missionChapters(facts.lines, true),
  ...durationSection(facts),
  { type: 'heading', level: 2, text: 'Honoraires' },
  feeTable(facts),
  ...instalmentSchedule(facts),
  ...paymentClauses(facts),
  ...legalClauses(facts),
  ...termsReference(facts),
  ...notesBlock(facts),
  signatureBlock(facts, 'Signatures', 'Lu et approuvé, bon pour accord'),
  ...termsAnnex(facts),
];
