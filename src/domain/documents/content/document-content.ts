import { frenchTypography } from '../../shared/typography.ts';
import { DOCUMENT_TITLES, type DocumentKind } from '../kinds.ts';
import type { Block, DocumentContent } from './blocks.ts';
import { evidenceBlocks } from './evidence.ts';
import type { DocumentFacts } from './facts.ts';
import { letterBlocks } from './letter-content.ts';
import { amendmentBlocks, proposalBlocks, workOrderBlocks } from './other-contents.ts';
import { terminationLetterBlocks } from './termination-content.ts';
import { firmIdentityLines, formatDate } from './wording.ts';

const BLOCKS: Record<DocumentKind, (facts: DocumentFacts) => Block[]> = {
  proposal: proposalBlocks,
  engagement_letter: letterBlocks,
  replacement_letter: letterBlocks,
  amendment: amendmentBlocks,
  work_order: workOrderBlocks,
  termination_letter: terminationLetterBlocks,
};

/** Every string a reader sees gets French typography (no-break spaces before : ; ! ? € %). */
const typeset = <T>(value: T): T => {
  if (typeof value === 'string') return frenchTypography(value) as T;
  // A drawn signature's bytes are not words: walked as an object they would become its indices.
  if (value instanceof Uint8Array) return value;
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
  // The heading says the document's legal nature; a title the firm chose is printed under it.
  const named = facts.title.trim() !== '' && facts.title !== title ? `${facts.title} · ` : '';
  // The signed copy says so under its title, so it is never taken for the copy that was sent.
  const copy = facts.signed ? ' — exemplaire signé' : '';
  return typeset({
    title,
    subtitle: facts.number
      ? `${named}N° ${facts.number} du ${formatDate(facts.issuedOn)}${copy}`
      : `${named}Projet du ${formatDate(facts.issuedOn)}, non numéroté : ce document n’a pas encore été envoyé`,
    firmHeader: firmIdentityLines(facts.firm),
    // The signed copy's transaction id on every page, so each page of its evidence names it.
    footer: `${title} ${reference}${copy}${facts.signed ? ` · Transaction ${facts.signed.transactionId}` : ''} · ${facts.client.name} · ${facts.firm.name}`,
    metadata: {
      title: `${title} ${reference}`,
      author: facts.firm.name,
      subject: `${title} — ${facts.client.name}`,
    },
    blocks: [...BLOCKS[facts.kind](facts), ...(facts.signed ? evidenceBlocks(facts.signed, facts) : [])],
  });
};

/** Every string a reader sees, in reading order: the words of a document, without its layout. */
export const textOfContent = (content: DocumentContent): string[] => {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value instanceof Uint8Array) return;
    else if (Array.isArray(value)) for (const inner of value) walk(inner);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (!LAYOUT_KEYS.has(key)) walk(inner);
    }
  };
  walk(content);
  return strings;
};

const LAYOUT_KEYS = new Set(['type', 'tone', 'align']);
