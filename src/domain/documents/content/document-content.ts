import { frenchTypography } from '../../shared/typography.ts';
import type { DocumentKind } from '../kinds.ts';
import type { Block, DocumentContent } from './blocks.ts';
import type { DocumentFacts } from './facts.ts';
import { letterBlocks } from './letter-content.ts';
import { amendmentBlocks, proposalBlocks, workOrderBlocks } from './other-contents.ts';
import { firmIdentityLines, formatDate } from './wording.ts';

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  proposal: 'Offre de service',
  engagement_letter: 'Lettre de mission',
  amendment: 'Avenant à la lettre de mission',
  replacement_letter: 'Lettre de mission substitutive',
  work_order: 'Bon d’intervention',
};

const BLOCKS: Record<DocumentKind, (facts: DocumentFacts) => Block[]> = {
  proposal: proposalBlocks,
  engagement_letter: letterBlocks,
  replacement_letter: letterBlocks,
  amendment: amendmentBlocks,
  work_order: workOrderBlocks,
};

/** Every string a reader sees gets French typography (no-break spaces before : ; ! ? € %). */
const typeset = <T>(value: T): T => {
  if (typeof value === 'string') return frenchTypography(value) as T;
  if (Array.isArray(value)) return value.map(typeset) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, typeset(inner)])) as T;
  }
  return value;
};

/** What the PDF of a document says: a pure function of its facts, so a render is reproducible. */
export const documentContent = (facts: DocumentFacts): DocumentContent => {
  const title = DOCUMENT_TITLES[facts.kind];
  const reference = facts.number ?? 'Projet';
  return typeset({
    title,
    subtitle: facts.number
      ? `N° ${facts.number} du ${formatDate(facts.issuedOn)}`
      : `Projet du ${formatDate(facts.issuedOn)}, non numéroté : ce document n’a pas encore été envoyé`,
    firmHeader: firmIdentityLines(facts.firm),
    footer: `${title} ${reference} · ${facts.client.name} · ${facts.firm.name}`,
    metadata: {
      title: `${title} ${reference}`,
      author: facts.firm.name,
      subject: `${title} — ${facts.client.name}`,
    },
    blocks: BLOCKS[facts.kind](facts),
  });
};
